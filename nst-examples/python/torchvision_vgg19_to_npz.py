#!/usr/bin/env python3
"""Write torchvision's ImageNet VGG19 convolution weights as an .npz that nst4j reads.

Usage:
    python3 torchvision_vgg19_to_npz.py vgg19_torchvision.npz
    ./nst --weights vgg19_torchvision.npz --content photo.jpg --style painting.jpg --output out.png

The file holds, for each of VGG19's 16 convolutions, float32 arrays
``block{B}_conv{C}.weight`` of shape [out, in, 3, 3] and ``block{B}_conv{C}.bias`` of shape [out].

Input convention: torchvision's weights expect RGB images scaled to 0-1, minus the ImageNet mean
(0.485, 0.456, 0.406) and divided by its standard deviation (0.229, 0.224, 0.225). That is nst4j's
``torch`` convention, the default for .npz files. The DL4J zoo weights are the original Caffe
ones and expect BGR, 0-255, mean-subtracted input instead; mixing the two up ruins results
without any error.

Needs torch and torchvision (pip install torch torchvision); downloads the weights on first use.
"""
import sys

import numpy as np
import torch
import torchvision

# Blocks of VGG19 and how many convolutions each has.
BLOCKS = [(1, 2), (2, 2), (3, 4), (4, 4), (5, 4)]


def main(path):
    model = torchvision.models.vgg19(weights=torchvision.models.VGG19_Weights.IMAGENET1K_V1)
    convolutions = [m for m in model.features if isinstance(m, torch.nn.Conv2d)]
    names = [f"block{b}_conv{c}" for b, count in BLOCKS for c in range(1, count + 1)]
    assert len(convolutions) == len(names) == 16
    arrays = {}
    for name, conv in zip(names, convolutions):
        arrays[f"{name}.weight"] = conv.weight.detach().numpy().astype(np.float32)
        arrays[f"{name}.bias"] = conv.bias.detach().numpy().astype(np.float32)
    np.savez(path, **arrays)
    print(f"Wrote {path}: {len(arrays)} arrays; use it with --weights {path}")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
