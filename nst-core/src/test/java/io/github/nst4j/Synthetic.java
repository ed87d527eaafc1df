package io.github.nst4j;

import java.awt.image.BufferedImage;

/** Small synthetic test images. */
final class Synthetic {
    private Synthetic() {
    }

    /** Smooth colour ramps. */
    static BufferedImage gradient(int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, ((x * 3) % 256) << 16 | ((y * 5) % 256) << 8 | ((x + y) % 256));
            }
        }
        return image;
    }

    /** Red and blue vertical stripes, 4 px wide. */
    static BufferedImage stripes(int w, int h) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, ((x / 4) % 2 == 0) ? 0xFF2020 : 0x2020FF);
            }
        }
        return image;
    }
}
