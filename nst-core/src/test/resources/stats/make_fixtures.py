#!/usr/bin/env python3
"""Makes the fixtures of StyleStatisticsTest: small PNG images, the distances that
nst-examples/scripts/texstats.py (NumPy and Pillow) computes for them, unrounded, and the luminance SSIM
of nst-examples/scripts/ssim.py.

usage (from the repository root, with Debian's python3-numpy and python3-pil):
    /usr/bin/python3 nst-core/src/test/resources/stats/make_fixtures.py
"""
import json, os, sys
import numpy as np
from PIL import Image

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, '..', '..', '..', '..', '..')
sys.path.insert(0, os.path.join(ROOT, 'nst-examples', 'scripts'))
import texstats  # noqa: E402
import ssim  # noqa: E402

def save(image, name):
    image.save(os.path.join(HERE, name))
    return name

def distances(style, image):
    img = texstats.load(os.path.join(HERE, image))
    sty = texstats.load(os.path.join(HERE, style), max(img.shape[0], img.shape[1]))
    return {
        'colour': float(np.mean([texstats.w1(img[..., c], sty[..., c]) for c in range(3)])),
        'spectrum': float(np.abs(texstats.spectrum(texstats.lum(img)) - texstats.spectrum(texstats.lum(sty))).mean()),
        'gradients': texstats.w1(texstats.grad(texstats.lum(img)), texstats.grad(texstats.lum(sty))),
    }

def main():
    rng = np.random.default_rng(7)
    styles = os.path.join(ROOT, 'nst-examples', 'images', 'style')
    starry = Image.open(os.path.join(styles, 'starry_night.jpg')).convert('RGB')
    style = save(starry.resize((150, 94), Image.BICUBIC), 'style.png')
    brick = save(Image.open(os.path.join(styles, 'brick.png')).convert('RGB').resize((101, 77), Image.BICUBIC), 'brick.png')
    mean = np.asarray(Image.open(os.path.join(HERE, style)), dtype=np.float64).mean(axis=(0, 1))
    flat = save(Image.fromarray(np.tile(np.round(mean).astype(np.uint8), (64, 96, 1))), 'flat.png')
    noise = save(Image.fromarray(rng.integers(0, 256, (70, 90, 3), dtype=np.uint8)), 'noise.png')
    gray = save(Image.fromarray(rng.integers(0, 256, (80, 80), dtype=np.uint8), 'L'), 'gray.png')
    cases = [
        {'style': style, 'image': style},
        {'style': style, 'image': flat},
        {'style': style, 'image': noise},
        {'style': style, 'image': brick},
        {'style': brick, 'image': style},
        {'style': brick, 'image': gray},
    ]
    for case in cases:
        case.update(distances(case['style'], case['image']))
        # The SSIM of the image's luminance against the "style" taken as a photo.
        case['ssim'] = ssim.ssim(os.path.join(HERE, case['style']), os.path.join(HERE, case['image']))
    with open(os.path.join(HERE, 'expected.json'), 'w') as out:
        json.dump(cases, out, indent=1)
        out.write('\n')

if __name__ == '__main__':
    main()
