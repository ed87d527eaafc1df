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

    /** Stripes on the left half, a gray pattern of another texture on the right. */
    static BufferedImage stripesBesideGray(int w, int h) {
        BufferedImage image = stripes(w, h);
        for (int y = 0; y < h; y++) {
            for (int x = w / 2; x < w; x++) {
                image.setRGB(x, y, (x * 7 + y * 13) % 256 * 0x010101);
            }
        }
        return image;
    }

    /**
     * The style loss of the start image {@code gradient(96, 64)} at the first step, in texture mode
     * at 96x64: how far the style that {@code builder} was given lies from it.
     */
    static double firstStyleLoss(StyleTransferBuilder builder) {
        return builder.mode(Mode.TEXTURE).outputSize(96, 64).initImage(gradient(96, 64)).iterations(1)
                .build().run().lossHistory().get(0).style();
    }
}
