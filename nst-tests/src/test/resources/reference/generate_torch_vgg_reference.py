#!/usr/bin/python3
"""Independent PyTorch reference for nst4j's VGG19 with .npz weights and the `torch` convention.

Produces torch_vgg_reference.txt, read by TorchNpzReferenceTest: what PyTorch computes for
VGG19's convolution stack with formula-defined weights (the real 80 MB weights cannot be
committed) on a seeded 32x48 RGB image, fed with torchvision's input convention.

Rerun (from this folder; needs Debian's PyTorch, PyPI is not used):
    apt-get install -y python3-torch python3-numpy
    /usr/bin/python3 generate_torch_vgg_reference.py > torch_vgg_reference.txt

Weights. Layer l = 0..15 is block1_conv1 .. block5_conv4 (64, 64, 128, 128, 256 x4, 512 x8
output channels). Kernel [out, in, 3, 3] (PyTorch order, as in the .npz) and bias [out]:
    phase       = 0.37*o + 0.73*i + 1.3*y + 2.1*x + 0.5*l + 0.0123*(o*i)
    w[o,i,y,x]  = float32(sin(phase) * sqrt(8 / (9*in)))
    b[o]        = float32(0.001 * cos(o + l))
computed in float64 (left to right, exactly as written) and then rounded to float32. The o*i term
matters: without it sin(a_o + c_i) = cos(a_o) sin(c_i) + sin(a_o) cos(c_i), so every layer would
mix its inputs into only two distinct maps. The scale is twice He's variance (sin^2 averages 1/2)
and the biases are small because each 2x2 average pool of these noise-like maps shrinks them:
with He's scale and 0.01 biases, block4/block5 activations (max ~0.06) were almost all bias
(dropping the biases changed them by 86-100% of their maximum). With these values the maxima stay
between 0.36 and 10 from block1 to block5, about half of every layer's activations are non-zero,
and dropping the biases changes block4_conv1..block5_conv1 by at most 3%. float64 sin/cos may
differ by one ulp between NumPy and Java, which can flip the last bit of a rare float32 weight;
the weight_stats lines let the test check its weights against these.

Network (float64 throughout, from the float32 weights): per layer F.conv2d(padding=1) + ReLU;
avg_pool2d(2, stride 2) before blocks 2..5; activations taken after the ReLU.

Input: integer RGB pixels 0..255, [1, 3, 32, 48], from numpy.random.default_rng(SEED); the
network input is torchvision's convention (p/255 - mean)/std, mean 0.485/0.456/0.406, std
0.229/0.224/0.225, channels in R, G, B order.

Gram matrix of activations F [1, C, H, W]: G = Fm Fm^T / (C*H*W) with Fm = F.reshape(C, H*W).

Format (UTF-8, one item per line; '#' lines are comments). Each record is a header line
    KIND NAME DIM...
followed by one line of prod(DIM) space-separated values in C order ('%.10g'):
    pixels input 1 3 32 48                 the RGB pixels (integers)
    weight_stats LAYER 3                   sum(|w|), sum(w[k] * (k mod 10 - 4.5)) over the C-order
                                           index k, sum(b); float64 sums of the float32 values
    activations block4_conv2 1 512 4 6     all activations of block4_conv2
    gram_full LAYER C C                    all Gram entries (block1_conv1, block2_conv1)
    gram_diagonal LAYER C                  G[c, c] (block3_conv1, block4_conv1, block5_conv1)
    gram_row0 LAYER C                      G[0, c] (same layers)
The file ends with a line 'end'.
"""
import math

import numpy as np
import torch
import torch.nn.functional as F

SEED = 20240607
HEIGHT, WIDTH = 32, 48

# (name, input channels, output channels) of VGG19's sixteen convolutions.
LAYERS = []
_in = 3
for _block, (_count, _out) in enumerate([(2, 64), (2, 128), (4, 256), (4, 512), (4, 512)], start=1):
    for _k in range(1, _count + 1):
        LAYERS.append(("block%d_conv%d" % (_block, _k), _in, _out))
        _in = _out

CONTENT_LAYER = "block4_conv2"
GRAM_FULL = ["block1_conv1", "block2_conv1"]
GRAM_PARTIAL = ["block3_conv1", "block4_conv1", "block5_conv1"]
DEEPEST = "block5_conv1"

MEAN = np.array([0.485, 0.456, 0.406])
STD = np.array([0.229, 0.224, 0.225])


def kernel(l, cin, cout):
    o = np.arange(cout, dtype=np.float64).reshape(cout, 1, 1, 1)
    i = np.arange(cin, dtype=np.float64).reshape(1, cin, 1, 1)
    y = np.arange(3, dtype=np.float64).reshape(1, 1, 3, 1)
    x = np.arange(3, dtype=np.float64).reshape(1, 1, 1, 3)
    phase = 0.37 * o + 0.73 * i + 1.3 * y + 2.1 * x + 0.5 * l + 0.0123 * (o * i)
    return (np.sin(phase) * math.sqrt(8.0 / (9 * cin))).astype(np.float32)


def bias(l, cout):
    o = np.arange(cout, dtype=np.float64)
    return (0.001 * np.cos(o + l)).astype(np.float32)


def fmt(values):
    return " ".join("%.10g" % v for v in np.asarray(values, dtype=np.float64).ravel(order="C"))


def emit(kind, name, shape, values):
    print("%s %s %s" % (kind, name, " ".join(str(d) for d in shape)))
    print(fmt(values))


def gram(f):
    _, c, h, w = f.shape
    fm = f.reshape(c, h * w)
    return fm @ fm.T / (c * h * w)


def main():
    rng = np.random.default_rng(SEED)
    pixels = rng.integers(0, 256, size=(1, 3, HEIGHT, WIDTH)).astype(np.float64)

    x = torch.from_numpy((pixels / 255.0 - MEAN.reshape(1, 3, 1, 1)) / STD.reshape(1, 3, 1, 1))
    activations = {}
    stats = []
    for l, (name, cin, cout) in enumerate(LAYERS):
        w32, b32 = kernel(l, cin, cout), bias(l, cout)
        w64, b64 = w32.astype(np.float64), b32.astype(np.float64)
        flat = w64.ravel(order="C")
        positional = (flat * (np.arange(flat.size) % 10 - 4.5)).sum()
        stats.append((name, [np.abs(w64).sum(), positional, b64.sum()]))
        if activations.get(DEEPEST) is not None:
            continue
        if name.endswith("_conv1") and not name.startswith("block1"):
            x = F.avg_pool2d(x, kernel_size=2, stride=2)
        x = F.relu(F.conv2d(x, torch.from_numpy(w64), torch.from_numpy(b64), stride=1, padding=1))
        activations[name] = x.numpy().copy()

    print("# generated by generate_torch_vgg_reference.py (PyTorch %s, NumPy %s); do not edit"
          % (torch.__version__, np.__version__))
    print("# VGG19 conv stack, formula weights, torch input convention, float64; format in the script")
    for name, _ in [(CONTENT_LAYER, None)] + [(n, None) for n in GRAM_FULL + GRAM_PARTIAL]:
        a = activations[name]
        print("# %-13s shape %s maxAbs %.4e nonzero %.3f" % (name, list(a.shape), np.abs(a).max(),
                                                            np.count_nonzero(a) / a.size))
    emit("pixels", "input", pixels.shape, pixels)
    for name, values in stats:
        emit("weight_stats", name, [3], values)
    emit("activations", CONTENT_LAYER, activations[CONTENT_LAYER].shape, activations[CONTENT_LAYER])
    for name in GRAM_FULL:
        g = gram(activations[name])
        emit("gram_full", name, g.shape, g)
    for name in GRAM_PARTIAL:
        g = gram(activations[name])
        emit("gram_diagonal", name, [g.shape[0]], np.diag(g))
        emit("gram_row0", name, [g.shape[0]], g[0])
    print("end")


if __name__ == "__main__":
    main()
