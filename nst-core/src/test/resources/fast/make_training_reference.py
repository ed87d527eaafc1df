#!/usr/bin/env python3
"""Makes training_reference.npz, the fixture of TrainingReferenceTest: one fast-style training step
computed independently in float64 with PyTorch, on the same weights and images as the Java test.

What it computes, for a TransformerNet of channels 4/8/16 with one residual block (Johnson et al.
2016, PyTorch's fast_neural_style layout: reflection padding, affine instance norm, nearest x2
upsampling before the decoder's convolutions) and VGG19's first seven convolutions (torchvision input
convention, average pooling):
  output          the network's output for batch1 (two 32x32 crops), 0-255 units, unclamped
  losses_*        the weighted content (block2_conv2), style (block1_conv1, block2_conv1,
                  block3_conv1 at layer weights 1, 0.5, 2) and total-variation losses of batch1:
                  the mean over its images of each image's losses, as TrainingGraph defines them
  raw/<param>     d(total loss)/d(param) for every parameter: the mean over batch1's images of each
                  image's gradient, which is the gradient of the batch's mean loss
  normalized/<param>  the same mean of the images' gradients, each with every content and style
                  term's gradient L1-normalised at its layer for that image alone and weighed by the
                  term's weight (LossSpec.normalizeGradients)
  adam2/<param>   the change of every parameter after two Adam steps (lr 1e-3, betas 0.9/0.999,
                  eps 1e-8) on normalised gradients, the first on batch1, the second on batch2
Large arrays are stored as float32 (their float64 values rounded once: 6e-8 relative, far inside
the test's tolerances), the losses as float64.

The weights are not stored: both sides draw them from the same integer hash (SplitMix64's finaliser
of salt * 2^32 + element index, exact in Java longs and in NumPy uint64), so the VGG19 weights take
no 80 MB and the network's no file. The inputs are 32x32 crops of the repository's photos and a
32x32 reduction of starry_night.jpg, stored as uint8.

usage (from the repository root; Debian's python3 with numpy, Pillow and torch):
    /usr/bin/python3 nst-core/src/test/resources/fast/make_training_reference.py
"""
import os

import numpy as np
import torch
import torch.nn.functional as F
from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, '..', '..', '..', '..', '..')
IMAGES = os.path.join(ROOT, 'nst-examples', 'images')
torch.set_default_dtype(torch.float64)

SIZE = (4, 8, 16, 1)
CROP = 32
CONTENT_LAYER = 'block2_conv2'
STYLE_LAYERS = {'block1_conv1': 1.0, 'block2_conv1': 0.5, 'block3_conv1': 2.0}
CONTENT_WEIGHT = 5.0
STYLE_WEIGHT = 100.0
TV_WEIGHT = 1e-4
LEARNING_RATE = 1e-3
# (name, input channels, output channels) of the VGG19 convolutions up to the deepest layer used
VGG = [('block1_conv1', 3, 64), ('block1_conv2', 64, 64), ('block2_conv1', 64, 128),
       ('block2_conv2', 128, 128), ('block3_conv1', 128, 256)]
VGG_SALT = 1000  # + the layer's index
MEAN = np.array([0.485, 0.456, 0.406])
STD = np.array([0.229, 0.224, 0.225])
MASK = (1 << 64) - 1


def uniform(salt, count):
    """count values in [-1, 1): SplitMix64's finaliser of salt * 2^32 + i, top 53 bits."""
    z = (np.uint64(salt) << np.uint64(32)) + np.arange(count, dtype=np.uint64)
    with np.errstate(over='ignore'):
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        z = z ^ (z >> np.uint64(31))
    return (z >> np.uint64(11)).astype(np.float64) * 2.0 ** -53 * 2 - 1


def parameter_shapes():
    """TransformerNet's parameters in its build order, kernels [kH, kW, in, out] as SameDiff holds them."""
    c1, c2, c3, blocks = SIZE
    shapes = []

    def conv(name, k, cin, cout):
        shapes.append((name + '_W', (k, k, cin, cout)))
        shapes.append((name + '_b', (cout,)))

    def norm(name, c):
        shapes.append((name + '_gamma', (c,)))
        shapes.append((name + '_beta', (c,)))

    conv('conv1', 9, 3, c1); norm('in1', c1)
    conv('conv2', 3, c1, c2); norm('in2', c2)
    conv('conv3', 3, c2, c3); norm('in3', c3)
    for b in range(1, blocks + 1):
        conv('res%d_conv1' % b, 3, c3, c3); norm('res%d_in1' % b, c3)
        conv('res%d_conv2' % b, 3, c3, c3); norm('res%d_in2' % b, c3)
    conv('deconv1', 3, c3, c2); norm('in4', c2)
    conv('deconv2', 3, c2, c1); norm('in5', c1)
    conv('deconv3', 9, c1, 3)
    return shapes


def transformer_weights():
    """Parameter i (build order) from salt i + 1: kernels and biases uniform in +-1/sqrt(fan-in),
    instance-norm scales 1 + 0.2u and shifts 0.1u, rounded to float32 as the Java side holds them."""
    weights = {}
    fan_in = 1
    for i, (name, shape) in enumerate(parameter_shapes()):
        u = uniform(i + 1, int(np.prod(shape)))
        if name.endswith('_W'):
            fan_in = shape[0] * shape[1] * shape[2]
        if name.endswith('_gamma'):
            value = 1 + 0.2 * u
        elif name.endswith('_beta'):
            value = 0.1 * u
        else:
            value = u / np.sqrt(fan_in)
        weights[name] = torch.tensor(value.astype(np.float32).astype(np.float64).reshape(shape), requires_grad=True)
    return weights


def vgg_weights():
    """Layer l's kernel [out, in, 3, 3] He-scaled uniform from salt 1000 + l, its bias 0.01u from 2000 + l."""
    layers = {}
    for i, (name, cin, cout) in enumerate(VGG):
        kernel = uniform(VGG_SALT + i, cout * cin * 9) * np.sqrt(6.0 / (cin * 9))
        bias = uniform(2 * VGG_SALT + i, cout) * 0.01
        layers[name] = (torch.tensor(kernel.astype(np.float32).astype(np.float64).reshape(cout, cin, 3, 3)),
                        torch.tensor(bias.astype(np.float32).astype(np.float64)))
    return layers


def transformer(x, w):
    def conv(name, x, stride=1):
        kernel = w[name + '_W'].permute(3, 2, 0, 1)
        pad = kernel.shape[-1] // 2
        return F.conv2d(F.pad(x, (pad, pad, pad, pad), mode='reflect'), kernel, w[name + '_b'], stride=stride)

    def norm(name, x):
        mean = x.mean(dim=(2, 3), keepdim=True)
        var = ((x - mean) ** 2).mean(dim=(2, 3), keepdim=True)
        return (x - mean) / torch.sqrt(var + 1e-5) * w[name + '_gamma'].view(1, -1, 1, 1) \
            + w[name + '_beta'].view(1, -1, 1, 1)

    def up(x):
        return F.interpolate(x, scale_factor=2, mode='nearest')

    x = F.relu(norm('in1', conv('conv1', x)))
    x = F.relu(norm('in2', conv('conv2', x, 2)))
    x = F.relu(norm('in3', conv('conv3', x, 2)))
    for b in range(1, SIZE[3] + 1):
        y = F.relu(norm('res%d_in1' % b, conv('res%d_conv1' % b, x)))
        x = x + norm('res%d_in2' % b, conv('res%d_conv2' % b, y))
    x = F.relu(norm('in4', conv('deconv1', up(x))))
    x = F.relu(norm('in5', conv('deconv2', up(x))))
    return conv('deconv3', x)


def vgg(pixels, layers):
    """Activations of every VGG layer used, [N, C, H, W], for RGB 0-255 input."""
    x = (pixels / 255 - torch.tensor(MEAN).view(1, 3, 1, 1)) / torch.tensor(STD).view(1, 3, 1, 1)
    out = {}
    for name, _, _ in VGG:
        if name.endswith('conv1') and name != 'block1_conv1':
            x = F.avg_pool2d(x, 2)
        kernel, bias = layers[name]
        x = F.relu(F.conv2d(x, kernel, bias, padding=1))
        out[name] = x
    return out


def gram(f):
    """[N, C, C] Gram matrices over C*H*W."""
    n, c, h, w = f.shape
    flat = f.reshape(n, c, h * w)
    return flat @ flat.transpose(1, 2) / (c * h * w)


class Normalize(torch.autograd.Function):
    """Identity forward; backward the gradient over its L1 norm (+1e-30) times a weight."""

    @staticmethod
    def forward(ctx, x, weight):
        ctx.weight = weight
        return x.view_as(x)

    @staticmethod
    def backward(ctx, g):
        return g / (g.abs().sum() + 1e-30) * ctx.weight, None


def losses(image, w, layers, grams, normalized):
    """The weighted losses of one image, [1, 3, H, W]."""
    out = transformer(image, w)
    features = vgg(out, layers)
    with torch.no_grad():
        target = vgg(image, layers)[CONTENT_LAYER]
    see = (lambda f, weight: Normalize.apply(f, weight)) if normalized else (lambda f, weight: f)
    content = CONTENT_WEIGHT * ((see(features[CONTENT_LAYER], CONTENT_WEIGHT) - target) ** 2).mean()
    style = 0
    for name, layer_weight in STYLE_LAYERS.items():
        g = gram(see(features[name], STYLE_WEIGHT * layer_weight))
        style = style + layer_weight * ((g - grams[name]) ** 2).mean()
    style = STYLE_WEIGHT * style
    tv = 0.5 * (((out[:, :, :, 1:] - out[:, :, :, :-1]) ** 2).sum() + ((out[:, :, 1:, :] - out[:, :, :-1, :]) ** 2).sum())
    return content, style, TV_WEIGHT * tv


def batch_losses(batch, w, layers, grams):
    """The mean over the batch's images of each image's (content, style, tv)."""
    per_image = [losses(image[None], w, layers, grams, False) for image in batch]
    return [sum(terms) / len(batch) for terms in zip(*per_image)]


def gradients(batch, w, layers, grams, normalized):
    """The mean over the batch's images of each image's gradient, computed (and normalised) on its own."""
    mean = {name: torch.zeros_like(value) for name, value in w.items()}
    for image in batch:
        content, style, tv = losses(image[None], w, layers, grams, normalized)
        grads = torch.autograd.grad(content + style + tv, list(w.values()))
        for name, g in zip(w.keys(), grads):
            mean[name] += g / len(batch)
    return mean


def crops():
    """Two batches of two 32x32 crops of the repository's photos (reduced first), uint8 [2, 3, 32, 32]."""
    def crop(name, side, x, y):
        image = Image.open(os.path.join(IMAGES, 'content', name)).convert('RGB')
        scale = side / max(image.size)
        image = image.resize((round(image.width * scale), round(image.height * scale)), Image.BICUBIC)
        return np.asarray(image)[y:y + CROP, x:x + CROP].transpose(2, 0, 1)

    batch1 = np.stack([crop('tubingen.jpg', 96, 30, 20), crop('chelsea.png', 80, 24, 10)])
    batch2 = np.stack([crop('golden_gate.jpg', 96, 40, 30), crop('coffee.png', 80, 20, 12)])
    return batch1, batch2


def main():
    batch1_u8, batch2_u8 = crops()
    style_u8 = np.asarray(Image.open(os.path.join(IMAGES, 'style', 'starry_night.jpg')).convert('RGB')
                          .resize((CROP, CROP), Image.BICUBIC)).transpose(2, 0, 1)
    batch1 = torch.tensor(batch1_u8.astype(np.float64))
    batch2 = torch.tensor(batch2_u8.astype(np.float64))
    layers = vgg_weights()
    with torch.no_grad():
        style_features = vgg(torch.tensor(style_u8[None].astype(np.float64)), layers)
        grams = {name: gram(style_features[name])[0] for name in STYLE_LAYERS}
    w = transformer_weights()

    fixture = {'batch1': batch1_u8, 'batch2': batch2_u8, 'style': style_u8}
    with torch.no_grad():
        fixture['output'] = transformer(batch1, w).numpy().astype(np.float32)
        content, style, tv = batch_losses(batch1, w, layers, grams)
    fixture['losses_content'] = np.float64(content.item())
    fixture['losses_style'] = np.float64(style.item())
    fixture['losses_tv'] = np.float64(tv.item())
    for name, g in gradients(batch1, w, layers, grams, False).items():
        fixture['raw/' + name] = g.numpy().astype(np.float32)
    for name, g in gradients(batch1, w, layers, grams, True).items():
        fixture['normalized/' + name] = g.numpy().astype(np.float32)

    # Two Adam steps on normalised gradients, as torch.optim.Adam takes them.
    start = {name: value.detach().clone() for name, value in w.items()}
    adam = torch.optim.Adam(list(w.values()), lr=LEARNING_RATE, betas=(0.9, 0.999), eps=1e-8)
    for batch in (batch1, batch2):
        adam.zero_grad()
        for name, g in gradients(batch, w, layers, grams, True).items():
            w[name].grad = g
        adam.step()
    for name, value in w.items():
        fixture['adam2/' + name] = (value.detach() - start[name]).numpy().astype(np.float32)

    np.savez_compressed(os.path.join(HERE, 'training_reference.npz'), **fixture)
    print('content %.10g, style %.10g, tv %.10g' % (content.item(), style.item(), tv.item()))


if __name__ == '__main__':
    main()
