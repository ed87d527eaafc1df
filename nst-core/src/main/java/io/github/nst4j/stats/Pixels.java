package io.github.nst4j.stats;

import java.awt.image.BufferedImage;

/** An image's RGB levels as arrays, alpha dropped (as Pillow's {@code convert('RGB')} does). */
final class Pixels {
    private Pixels() {
    }

    static int[][][] rgb(BufferedImage image) {
        int[][][] pixels = new int[image.getHeight()][image.getWidth()][3];
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                pixels[y][x][0] = (rgb >> 16) & 0xff;
                pixels[y][x][1] = (rgb >> 8) & 0xff;
                pixels[y][x][2] = rgb & 0xff;
            }
        }
        return pixels;
    }
}
