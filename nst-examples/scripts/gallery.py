#!/usr/bin/env python3
"""Tiles the images untrained-figures.sh wrote into the README's gallery: a row per sample photo
(the photo, then its transfer into each painting), then the textures, three to a row.

usage: /usr/bin/python3 nst-examples/scripts/gallery.py FIGURES_DIR OUT.jpg   (Debian's python3-pil)
"""
import os, sys
from PIL import Image, ImageDraw

CELL = 192
LABEL = 14

def fit(path):
    im = Image.open(path).convert('RGB')
    s = CELL / max(im.size)
    im = im.resize((round(im.width * s), round(im.height * s)), Image.BICUBIC)
    cell = Image.new('RGB', (CELL, CELL), 'white')
    cell.paste(im, ((CELL - im.width) // 2, (CELL - im.height) // 2))
    return cell

def main():
    figures, out = sys.argv[1], sys.argv[2]
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'images')
    photos = sorted(os.listdir(os.path.join(root, 'content')))
    paintings = ['starry_night', 'the_scream']
    textures = sorted(f[len('texture_'):-4] for f in os.listdir(figures) if f.startswith('texture_') and f.endswith('.png'))
    columns = 1 + len(paintings)
    rows = len(photos) + (len(textures) + columns - 1) // columns
    sheet = Image.new('RGB', (columns * CELL, rows * (CELL + LABEL)), 'white')
    draw = ImageDraw.Draw(sheet)
    def put(row, column, image, label):
        x, y = column * CELL, row * (CELL + LABEL)
        sheet.paste(image, (x, y + LABEL))
        draw.text((x + 3, y + 1), label, fill='black')
    for row, photo in enumerate(photos):
        name = photo.rsplit('.', 1)[0]
        put(row, 0, fit(os.path.join(root, 'content', photo)), name)
        for column, painting in enumerate(paintings, 1):
            put(row, column, fit(os.path.join(figures, name + '_' + painting + '.png')), 'in ' + painting)
    for i, texture in enumerate(textures):
        put(len(photos) + i // columns, i % columns, fit(os.path.join(figures, 'texture_' + texture + '.png')),
            texture + ' texture')
    sheet.save(out, quality=85)

if __name__ == '__main__':
    main()
