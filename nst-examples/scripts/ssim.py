#!/usr/bin/env python3
"""SSIM of luminance (Gaussian window 11 px, sigma 1.5, 0-255 constants) of an output against a photo,
the photo first resized (Pillow's bicubic) to the output's size: how recognisable the photo stays.

usage: ssim.py PHOTO OUTPUT   (Debian's python3-numpy and python3-pil)
"""
import sys
import numpy as np
from PIL import Image

def lum(im):
    return np.asarray(im.convert('RGB'), dtype=np.float64) @ np.array([0.299, 0.587, 0.114])

def blur(a):
    r = np.arange(-5, 6)
    g = np.exp(-r ** 2 / (2 * 1.5 ** 2))
    g /= g.sum()
    a = np.apply_along_axis(lambda v: np.convolve(v, g, 'valid'), 0, a)
    return np.apply_along_axis(lambda v: np.convolve(v, g, 'valid'), 1, a)

def ssim(photo, output):
    out = Image.open(output).convert('RGB')
    x = lum(Image.open(photo).convert('RGB').resize(out.size, Image.BICUBIC))
    y = lum(out)
    c1, c2 = (0.01 * 255) ** 2, (0.03 * 255) ** 2
    mx, my = blur(x), blur(y)
    sxx, syy, sxy = blur(x * x) - mx * mx, blur(y * y) - my * my, blur(x * y) - mx * my
    s = ((2 * mx * my + c1) * (2 * sxy + c2)) / ((mx * mx + my * my + c1) * (sxx + syy + c2))
    return float(s.mean())

if __name__ == '__main__':
    print('%.4f' % ssim(sys.argv[1], sys.argv[2]))
