package io.github.nst4j.stats;

import java.awt.image.BufferedImage;

/**
 * Bicubic resizing as Pillow does it ({@code Image.resize(size, BICUBIC)}), so that the statistics
 * here see the same style pixels as the Python tool that defines them: a Keys cubic (a = -0.5)
 * widened by the scale when shrinking (so it also filters out what the smaller grid cannot hold),
 * rows first, then columns, with 8-bit fixed-point weights and rounding after each pass.
 */
final class PillowBicubic {
    private static final int PRECISION_BITS = 32 - 8 - 2;
    private static final double SUPPORT = 2.0;

    private PillowBicubic() {
    }

    /** {@code image} resized to {@code width x height}, as 0-255 levels {@code [y][x][channel]}. */
    static int[][][] resize(BufferedImage image, int width, int height) {
        int[][][] pixels = Pixels.rgb(image);
        return vertical(horizontal(pixels, width), height);
    }

    private static int[][][] horizontal(int[][][] in, int width) {
        int inWidth = in[0].length;
        if (inWidth == width) {
            return in;
        }
        Coefficients c = Coefficients.of(inWidth, width);
        int[][][] out = new int[in.length][width][3];
        for (int y = 0; y < in.length; y++) {
            for (int x = 0; x < width; x++) {
                for (int channel = 0; channel < 3; channel++) {
                    long sum = 1L << (PRECISION_BITS - 1);
                    for (int i = 0; i < c.weights[x].length; i++) {
                        sum += (long) in[y][c.first[x] + i][channel] * c.weights[x][i];
                    }
                    out[y][x][channel] = clip(sum);
                }
            }
        }
        return out;
    }

    private static int[][][] vertical(int[][][] in, int height) {
        int inHeight = in.length;
        if (inHeight == height) {
            return in;
        }
        int width = in[0].length;
        Coefficients c = Coefficients.of(inHeight, height);
        int[][][] out = new int[height][width][3];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                for (int channel = 0; channel < 3; channel++) {
                    long sum = 1L << (PRECISION_BITS - 1);
                    for (int i = 0; i < c.weights[y].length; i++) {
                        sum += (long) in[c.first[y] + i][x][channel] * c.weights[y][i];
                    }
                    out[y][x][channel] = clip(sum);
                }
            }
        }
        return out;
    }

    private static int clip(long sum) {
        return (int) Math.max(0, Math.min(255, sum >> PRECISION_BITS));
    }

    private static double cubic(double x) {
        double a = -0.5;
        x = Math.abs(x);
        if (x < 1) {
            return ((a + 2) * x - (a + 3)) * x * x + 1;
        }
        if (x < 2) {
            return (((x - 5) * x + 8) * x - 4) * a;
        }
        return 0;
    }

    /** For each output index, the first input index it reads and its fixed-point weights. */
    private record Coefficients(int[] first, int[][] weights) {
        static Coefficients of(int inSize, int outSize) {
            double scale = (double) inSize / outSize;
            double filterScale = Math.max(scale, 1.0);
            double support = SUPPORT * filterScale;
            int[] first = new int[outSize];
            int[][] weights = new int[outSize][];
            for (int out = 0; out < outSize; out++) {
                double center = (out + 0.5) * scale;
                int min = Math.max(0, (int) (center - support + 0.5));
                int max = Math.min(inSize, (int) (center + support + 0.5));
                double[] k = new double[max - min];
                double total = 0;
                for (int i = 0; i < k.length; i++) {
                    k[i] = cubic((i + min - center + 0.5) / filterScale);
                    total += k[i];
                }
                int[] fixed = new int[k.length];
                for (int i = 0; i < k.length; i++) {
                    double normalised = total == 0 ? k[i] : k[i] / total;
                    fixed[i] = (int) (normalised * (1 << PRECISION_BITS) + (normalised < 0 ? -0.5 : 0.5));
                }
                first[out] = min;
                weights[out] = fixed;
            }
            return new Coefficients(first, weights);
        }
    }
}
