#!/usr/bin/env python3
"""nst4j's fast style network in PyTorch, for CompareFastWithPytorch.

The network is Johnson et al.'s image transformation network as nst4j's TransformerNet builds it
(and PyTorch's fast_neural_style example): reflection-padded convolutions 9x9/32, 3x3/64 stride 2,
3x3/128 stride 2, five residual blocks of 128, two nearest x2 upsamplings each followed by a 3x3
convolution (64, 32), a 9x9 convolution to RGB; affine instance norm and ReLU after every
convolution but the last (the residual blocks' second has no ReLU). Weights are PyTorch's default
initialisation; speed does not depend on their values.

Two modes, one process per measurement so that its peak RSS is its own:

  --mode infer --size N   one forward pass of a 1x3xNxN image (eval, no gradients)
  --mode train --size N --batch B
                          one training step as nst4j's FastStyleTrainer takes it: the batch through
                          the network, then VGG19 (random weights, average pooling, to block5_conv1);
                          content 5 * mean((F - P)^2) at block4_conv2 against the batch's own
                          features, style 100 * sum_l mean over images of mean((G - A)^2) at
                          block1_conv1 .. block5_conv1 with G = F F^T / (C H W), total variation
                          0.001 * 1/2 * sum(dx^2 + dy^2) / B; Adam, learning rate 0.001

The Java side drives the timed steps, so that they alternate with its own. Protocol, one line each
way per request:

  out  `torch version=... threads=...`, then `ready` after setup and the warm-up steps
  in   `step`  -> out `step seconds=...`
  in   `done`  -> out `result ...` key=value pairs (median over the steps run), then exit
"""
import argparse
import statistics
import sys
import time

try:
    import torch
    import torch.nn as nn
    import torch.nn.functional as F
except ImportError as error:  # reported by the Java side as a skipped comparison
    print("error no-torch " + str(error).replace("\n", " "), flush=True)
    sys.exit(3)

# VGG19 up to block5_conv1: (block, convolutions, channels).
VGG_BLOCKS = [(1, 2, 64), (2, 2, 128), (3, 4, 256), (4, 4, 512), (5, 1, 512)]
STYLE_LAYERS = ["block1_conv1", "block2_conv1", "block3_conv1", "block4_conv1", "block5_conv1"]
CONTENT_LAYER = "block4_conv2"
MEANS_RGB = (123.68, 116.779, 103.939)
CONTENT_WEIGHT, STYLE_WEIGHT, TV_WEIGHT, LEARNING_RATE = 5.0, 100.0, 0.001, 1e-3


class PaddedConv(nn.Module):
    """Reflection padding of half the kernel, then the convolution; optionally a x2 upsampling first."""

    def __init__(self, channels_in, channels_out, kernel, stride=1, upsample=False):
        super().__init__()
        self.upsample = upsample
        self.pad = nn.ReflectionPad2d(kernel // 2)
        self.conv = nn.Conv2d(channels_in, channels_out, kernel, stride)

    def forward(self, x):
        if self.upsample:
            x = F.interpolate(x, scale_factor=2, mode="nearest")
        return self.conv(self.pad(x))


class Residual(nn.Module):
    def __init__(self, channels):
        super().__init__()
        self.conv1 = PaddedConv(channels, channels, 3)
        self.in1 = nn.InstanceNorm2d(channels, affine=True)
        self.conv2 = PaddedConv(channels, channels, 3)
        self.in2 = nn.InstanceNorm2d(channels, affine=True)

    def forward(self, x):
        return x + self.in2(self.conv2(F.relu(self.in1(self.conv1(x)))))


def transformer_net(c1=32, c2=64, c3=128, blocks=5):
    def norm_relu(channels):
        return [nn.InstanceNorm2d(channels, affine=True), nn.ReLU()]

    return nn.Sequential(
        PaddedConv(3, c1, 9), *norm_relu(c1),
        PaddedConv(c1, c2, 3, 2), *norm_relu(c2),
        PaddedConv(c2, c3, 3, 2), *norm_relu(c3),
        *[Residual(c3) for _ in range(blocks)],
        PaddedConv(c3, c2, 3, upsample=True), *norm_relu(c2),
        PaddedConv(c2, c1, 3, upsample=True), *norm_relu(c1),
        PaddedConv(c1, 3, 9))


def vgg_convolutions(generator):
    layers = []
    channels = 3
    for block, count, out in VGG_BLOCKS:
        for index in range(1, count + 1):
            std = (2.0 / (channels * 9 + out * 9)) ** 0.5
            weight = torch.randn(out, channels, 3, 3, generator=generator) * std
            layers.append((f"block{block}_conv{index}", block, index, weight, torch.zeros(out)))
            channels = out
    return layers


def features(layers, pixels, wanted):
    x = pixels - torch.tensor(MEANS_RGB).view(1, 3, 1, 1)
    out = {}
    for name, block, index, weight, bias in layers:
        if index == 1 and block > 1:
            x = F.avg_pool2d(x, 2, 2)
        x = F.relu(F.conv2d(x, weight, bias, padding=1))
        if name in wanted:
            out[name] = x
        if len(out) == len(wanted):
            break
    return out


def grams(activation):
    b, c, h, w = activation.shape
    flat = activation.reshape(b, c, h * w)
    return flat @ flat.transpose(1, 2) / (c * h * w)


def peak_rss_mb():
    """This process's own peak resident memory (VmHWM; a child of the JVM inherits its ru_maxrss)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) // 1024
    return -1


class Inference:
    def __init__(self, size, seed):
        torch.manual_seed(seed)
        self.net = transformer_net().eval()
        self.image = torch.rand(1, 3, size, size, generator=torch.Generator().manual_seed(seed)) * 255

    def step(self):
        start = time.perf_counter()
        with torch.no_grad():
            self.net(self.image)
        return time.perf_counter() - start


class Training:
    def __init__(self, size, batch, seed):
        torch.manual_seed(seed)
        generator = torch.Generator().manual_seed(seed)
        self.net = transformer_net().train()
        self.vgg = vgg_convolutions(generator)
        self.batch = torch.rand(batch, 3, size, size, generator=generator) * 255
        style = torch.rand(1, 3, size, size, generator=generator) * 255
        with torch.no_grad():
            style_features = features(self.vgg, style, set(STYLE_LAYERS))
            self.style_targets = {name: grams(style_features[name])[0] for name in STYLE_LAYERS}
        self.optimizer = torch.optim.Adam(self.net.parameters(), lr=LEARNING_RATE)

    def step(self):
        start = time.perf_counter()
        batch = self.batch
        with torch.no_grad():
            content_target = features(self.vgg, batch, {CONTENT_LAYER})[CONTENT_LAYER]
        self.optimizer.zero_grad(set_to_none=True)
        output = self.net(batch)
        out = features(self.vgg, output, set(STYLE_LAYERS) | {CONTENT_LAYER})
        content = CONTENT_WEIGHT * torch.mean((out[CONTENT_LAYER] - content_target) ** 2)
        style = STYLE_WEIGHT * sum(torch.mean((grams(out[name]) - self.style_targets[name]) ** 2, dim=(1, 2)).mean()
                                   for name in STYLE_LAYERS)
        dx = output[:, :, :, 1:] - output[:, :, :, :-1]
        dy = output[:, :, 1:, :] - output[:, :, :-1, :]
        tv = TV_WEIGHT * 0.5 * (torch.sum(dx * dx) + torch.sum(dy * dy)) / batch.shape[0]
        (content + style + tv).backward()
        self.optimizer.step()
        return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mode", choices=["infer", "train"], required=True)
    parser.add_argument("--size", type=int, required=True)
    parser.add_argument("--batch", type=int, default=4)
    parser.add_argument("--warmup", type=int, default=1, help="untimed steps before ready")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    print(f"torch version={torch.__version__} threads={torch.get_num_threads()}", flush=True)
    work = Inference(args.size, args.seed) if args.mode == "infer" else Training(args.size, args.batch, args.seed)
    for _ in range(args.warmup):
        work.step()
    print("ready", flush=True)

    seconds = []
    for line in sys.stdin:
        request = line.strip()
        if request == "step":
            seconds.append(work.step())
            print(f"step seconds={seconds[-1]:.4f}", flush=True)
        elif request == "done":
            break
        else:
            print(f"error unknown-request {request!r}", flush=True)
            sys.exit(2)
    if not seconds:
        print("error no-steps", flush=True)
        sys.exit(2)
    timed = sorted(seconds)
    print(f"result mode={args.mode} size={args.size} median_s={statistics.median(timed):.4f} min_s={timed[0]:.4f} "
          f"max_s={timed[-1]:.4f} peak_rss_mb={peak_rss_mb()} iterations={len(timed)}", flush=True)


if __name__ == "__main__":
    main()
