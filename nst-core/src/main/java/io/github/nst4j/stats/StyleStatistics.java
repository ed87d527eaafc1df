package io.github.nst4j.stats;

import java.awt.image.BufferedImage;

/**
 * Scores an image against a style with statistics that no network takes part in, mirroring the
 * project's reference definition ({@code nst-examples/scripts/texstats.py}): the style is first
 * resized (Pillow's bicubic) so that its long side equals the image's, then
 * <ul>
 *   <li>colour: per channel, the 1-D Wasserstein distance between the pixel values, averaged over R, G, B;
 *   <li>spectrum: the mean absolute difference of the radially averaged log10 power spectra of the
 *       luminance (0.299 R + 0.587 G + 0.114 B, Hann-windowed, 24 rings from 0.02 to 0.5 cycles/px);
 *   <li>gradients: the 1-D Wasserstein distance between the luminance gradient magnitudes.
 * </ul>
 * For scale, on the repository's styles at 256 px: the style's own 16 px patches shuffled score about
 * 3 / 0.2 / 5, a flat field of the style's mean colour about 50 / 14 / 28.
 *
 * <pre>{@code
 * StyleDistance d = StyleStatistics.distance(Images.read(style), Images.read(output));
 * System.out.println(d); // colour 8.12, spectrum 0.214, gradients 4.90
 * }</pre>
 */
public final class StyleStatistics {
    private static final double[] LUMA = {0.299, 0.587, 0.114};

    private StyleStatistics() {
    }

    /** The distances of {@code image} from {@code style}, both RGB (alpha is ignored). */
    public static StyleDistance distance(BufferedImage style, BufferedImage image) {
        int[][][] pixels = Pixels.rgb(image);
        int longSide = Math.max(image.getWidth(), image.getHeight());
        double scale = (double) longSide / Math.max(style.getWidth(), style.getHeight());
        int width = Math.max(1, (int) Math.rint(style.getWidth() * scale));
        int height = Math.max(1, (int) Math.rint(style.getHeight() * scale));
        int[][][] stylePixels = PillowBicubic.resize(style, width, height);

        double colour = 0;
        for (int channel = 0; channel < 3; channel++) {
            colour += Wasserstein.distance(channel(pixels, channel), channel(stylePixels, channel));
        }
        double[][] luminance = luminance(pixels);
        double[][] styleLuminance = luminance(stylePixels);
        double[] spectrum = RadialSpectrum.of(luminance);
        double[] styleSpectrum = RadialSpectrum.of(styleLuminance);
        double spectrumDistance = 0;
        for (int ring = 0; ring < spectrum.length; ring++) {
            spectrumDistance += Math.abs(spectrum[ring] - styleSpectrum[ring]);
        }
        return new StyleDistance(colour / 3, spectrumDistance / spectrum.length,
                Wasserstein.distance(gradientMagnitudes(luminance), gradientMagnitudes(styleLuminance)));
    }

    private static double[] channel(int[][][] pixels, int channel) {
        int width = pixels[0].length;
        double[] values = new double[pixels.length * width];
        for (int y = 0; y < pixels.length; y++) {
            for (int x = 0; x < width; x++) {
                values[y * width + x] = pixels[y][x][channel];
            }
        }
        return values;
    }

    static double[][] luminance(int[][][] pixels) {
        double[][] luminance = new double[pixels.length][pixels[0].length];
        for (int y = 0; y < pixels.length; y++) {
            for (int x = 0; x < pixels[0].length; x++) {
                for (int c = 0; c < 3; c++) {
                    luminance[y][x] += LUMA[c] * pixels[y][x][c];
                }
            }
        }
        return luminance;
    }

    /** Forward differences in x and y, both taken on the (h-1) x (w-1) grid where both exist. */
    private static double[] gradientMagnitudes(double[][] plane) {
        int h = plane.length - 1;
        int w = plane[0].length - 1;
        double[] magnitudes = new double[Math.max(0, h) * Math.max(0, w)];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double gx = plane[y][x + 1] - plane[y][x];
                double gy = plane[y + 1][x] - plane[y][x];
                magnitudes[y * w + x] = Math.sqrt(gx * gx + gy * gy);
            }
        }
        return magnitudes;
    }
}
