#!/usr/bin/env python3
"""Write small .npz files with NumPy itself, to check that nst4j reads what numpy writes.

Produces numpy_savez.npz (numpy.savez, stored entries) and numpy_savez_compressed.npz
(numpy.savez_compressed, deflated entries). Both hold the same two float32 arrays whose values
follow a formula the Java test recomputes:
  block1_conv1.weight  shape [4, 3, 3, 3], value at flat index k = (k - 50) / 8
  block1_conv1.bias    shape [4],          value at flat index k = k * 0.25 - 1

Rerun from this folder with Debian's NumPy: /usr/bin/python3 generate_numpy_npz.py
"""
import numpy as np

weight = ((np.arange(4 * 3 * 3 * 3) - 50) / 8).astype(np.float32).reshape(4, 3, 3, 3)
bias = (np.arange(4) * 0.25 - 1).astype(np.float32)
arrays = {"block1_conv1.weight": weight, "block1_conv1.bias": bias}
np.savez("numpy_savez.npz", **arrays)
np.savez_compressed("numpy_savez_compressed.npz", **arrays)
