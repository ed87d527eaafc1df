package io.github.nst4j.image;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/**
 * The alpha channel of a transparent image, kept apart from its colours: the network sees RGB, the
 * losses weigh each position by its opacity, and the output gets the content's alpha back.
 */
public final class Alpha {
    private Alpha() {
    }

    /** The alpha channel of {@code image} as a gray picture, or null when the image is opaque everywhere. */
    public static BufferedImage of(BufferedImage image) {
        if (!image.getColorModel().hasAlpha()) {
            return null;
        }
        Raster alpha = image.getAlphaRaster();
        int bits = image.getColorModel().getComponentSize(image.getColorModel().getNumComponents() - 1);
        double maxValue = (1L << bits) - 1;
        BufferedImage gray = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster levels = gray.getRaster();
        boolean transparentSomewhere = false;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int level = (int) Math.round(alpha.getSample(x, y, 0) / maxValue * 255);
                levels.setSample(x, y, 0, level);
                transparentSomewhere |= level < 255;
            }
        }
        return transparentSomewhere ? gray : null;
    }

    /**
     * {@code rgb} with the alpha channel {@code alpha} (resized to {@code rgb}'s size if it differs; copied
     * exactly if not), as an ARGB image.
     */
    public static BufferedImage attach(BufferedImage rgb, BufferedImage alpha) {
        int width = rgb.getWidth();
        int height = rgb.getHeight();
        // RGB with the gray levels copied as stored (exactly, at the same size).
        BufferedImage sized = Images.resize(alpha, width, height);
        BufferedImage argb = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                // Every channel holds the level; the blue byte is the alpha.
                argb.setRGB(x, y, (sized.getRGB(x, y) & 0xFF) << 24 | rgb.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return argb;
    }

    /**
     * Where a style is taken from: its alpha times a source mask's gray level (resized to
     * {@code width x height}); either may be null; null when both are.
     */
    public static BufferedImage combine(BufferedImage alpha, BufferedImage sourceMask, int width, int height) {
        if (sourceMask == null) {
            return alpha;
        }
        BufferedImage mask = Images.resize(sourceMask, width, height);
        BufferedImage opacity = alpha == null ? null : Images.resize(alpha, width, height);
        BufferedImage combined = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = mask.getRGB(x, y);
                int level = (int) Math.round(0.299 * (rgb >> 16 & 0xFF) + 0.587 * (rgb >> 8 & 0xFF) + 0.114 * (rgb & 0xFF));
                if (opacity != null) {
                    level = level * (opacity.getRGB(x, y) & 0xFF) / 255;
                }
                combined.setRGB(x, y, level * 0x010101);
            }
        }
        return combined;
    }
}
