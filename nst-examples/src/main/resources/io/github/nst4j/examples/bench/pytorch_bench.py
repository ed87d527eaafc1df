#!/usr/bin/env python3
"""The nst4j optimisation step in PyTorch, for `nst bench --compare-pytorch`.

One process measures one image size, so its peak RSS is its own. It builds VGG19's convolutions up
to block5_conv1 with average pooling and random weights (no torchvision needed), and the same
objective as nst4j's defaults:

  content  5   * mean((F - P)^2)                  at block4_conv2
  style    100 * sum_l mean((G_l - A_l)^2)        at block1_conv1 .. block5_conv1,
                                                  G = F F^T / (C H W)
  tv       0.001 * 1/2 * sum(dx^2 + dy^2)         on the 0-255 RGB image

minimised by Adam (learning rate 10) over the image, starting from the content image and keeping
the best image seen, as nst4j does. Content and style are seeded noise images, as in `nst bench`.

The Java side drives the timed steps, so that they alternate with its own and both tools see the
same machine load. Protocol, one line each way per request:

  out  `torch version=... threads=...`, then `ready` after setup and the warm-up steps
  in   `step`  -> out `step seconds=...`   (one optimisation step)
  in   `done`  -> out `result ...` key=value pairs (median over the steps run), then exit
"""
import argparse
import resource
import statistics
import sys
import time

try:
    import torch
    import torch.nn.functional as F
except ImportError as error:  # reported by the Java side as a skipped comparison
    print("error no-torch " + str(error).replace("\n", " "), flush=True)
    sys.exit(3)

# (block, convolutions, output channels) of VGG19 up to block5_conv1.
BLOCKS = [(1, 2, 64), (2, 2, 128), (3, 4, 256), (4, 4, 512), (5, 1, 512)]
STYLE_LAYERS = ["block1_conv1", "block2_conv1", "block3_conv1", "block4_conv1", "block5_conv1"]
CONTENT_LAYER = "block4_conv2"
# Caffe/DL4J zoo convention, applied to RGB 0-255 pixels (the first kernel is taken as RGB).
MEANS_RGB = (123.68, 116.779, 103.939)
CONTENT_WEIGHT, STYLE_WEIGHT, TV_WEIGHT, LEARNING_RATE = 5.0, 100.0, 0.001, 10.0


def vgg_convolutions(generator):
    layers = []
    channels = 3
    for block, count, out in BLOCKS:
        for index in range(1, count + 1):
            fan_in, fan_out = channels * 9, out * 9
            std = (2.0 / (fan_in + fan_out)) ** 0.5  # Xavier, like the DL4J zoo's random VGG19
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


def gram(activation):
    _, c, h, w = activation.shape
    flat = activation.reshape(c, h * w)
    return flat @ flat.t() / (c * h * w)


def peak_rss_mb():
    """This process's peak resident memory. VmHWM belongs to the process's own address space; the
    ru_maxrss of getrusage does not suffice on Linux: a child started by the JVM (vfork, then exec)
    inherits the JVM's high-water mark as its own starting value."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) // 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024  # KiB on Linux


def noise_image(size, seed):
    generator = torch.Generator().manual_seed(seed)
    return torch.randint(0, 256, (1, 3, size, size), generator=generator).float()


class Optimisation:
    """The objective and Adam over one image, as nst4j runs it."""

    def __init__(self, size, seed):
        self.layers = vgg_convolutions(torch.Generator().manual_seed(seed))
        self.wanted = set(STYLE_LAYERS) | {CONTENT_LAYER}
        content = noise_image(size, 1)
        style = noise_image(size, 2)
        with torch.no_grad():
            self.content_target = features(self.layers, content, {CONTENT_LAYER})[CONTENT_LAYER]
            style_features = features(self.layers, style, set(STYLE_LAYERS))
            self.style_targets = {name: gram(style_features[name]) for name in STYLE_LAYERS}
        self.image = content.clone().requires_grad_(True)
        self.best = self.image.detach().clone()
        self.best_loss = float("inf")
        self.optimizer = torch.optim.Adam([self.image], lr=LEARNING_RATE)

    def step(self):
        """One step; returns its wall-clock seconds."""
        start = time.perf_counter()
        self.optimizer.zero_grad(set_to_none=True)
        image = self.image
        out = features(self.layers, image, self.wanted)
        content_loss = CONTENT_WEIGHT * torch.mean((out[CONTENT_LAYER] - self.content_target) ** 2)
        style_loss = STYLE_WEIGHT * sum(torch.mean((gram(out[name]) - self.style_targets[name]) ** 2)
                                        for name in STYLE_LAYERS)
        dx = image[:, :, :, 1:] - image[:, :, :, :-1]
        dy = image[:, :, 1:, :] - image[:, :, :-1, :]
        tv_loss = TV_WEIGHT * 0.5 * (torch.sum(dx * dx) + torch.sum(dy * dy))
        total = content_loss + style_loss + tv_loss
        total.backward()
        value = total.item()
        if value < self.best_loss:
            self.best_loss = value
            self.best.copy_(image.detach())
        self.optimizer.step()
        return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, required=True)
    parser.add_argument("--warmup", type=int, default=2, help="untimed steps before ready")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    print(f"torch version={torch.__version__} threads={torch.get_num_threads()}", flush=True)
    optimisation = Optimisation(args.size, args.seed)
    for _ in range(args.warmup):
        optimisation.step()
    print("ready", flush=True)

    seconds = []
    for line in sys.stdin:
        request = line.strip()
        if request == "step":
            seconds.append(optimisation.step())
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
    print(f"result size={args.size} median_s={statistics.median(timed):.4f} min_s={timed[0]:.4f} "
          f"max_s={timed[-1]:.4f} peak_rss_mb={peak_rss_mb()} iterations={len(timed)} "
          f"loss={optimisation.best_loss:.6g}", flush=True)


if __name__ == "__main__":
    main()
