package io.github.nst4j.image;

import java.awt.image.BufferedImage;

/**
 * Mean and covariance of an image's RGB values, and the affine map that gives one image another's
 * mean and covariance (the colour transfer of Gatys et al., "Preserving Color in Neural Artistic
 * Style Transfer", 2016, section 2.1, with Cholesky factors).
 *
 * @param mean mean R, G, B in 0-255 units
 * @param covariance 3x3 covariance of R, G, B
 */
public record ColorStatistics(double[] mean, double[][] covariance) {
    /** Added to the covariance diagonal so that flat images still have a Cholesky factor. */
    private static final double RIDGE = 1e-3;

    /** The statistics of every pixel of {@code image}. */
    public static ColorStatistics of(BufferedImage image) {
        int[] rgb = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        double[] mean = new double[3];
        for (int pixel : rgb) {
            for (int c = 0; c < 3; c++) {
                mean[c] += channel(pixel, c);
            }
        }
        for (int c = 0; c < 3; c++) {
            mean[c] /= rgb.length;
        }
        double[][] covariance = new double[3][3];
        for (int pixel : rgb) {
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    covariance[a][b] += (channel(pixel, a) - mean[a]) * (channel(pixel, b) - mean[b]);
                }
            }
        }
        for (double[] row : covariance) {
            for (int b = 0; b < 3; b++) {
                row[b] /= rgb.length;
            }
        }
        return new ColorStatistics(mean, covariance);
    }

    /**
     * {@code source} with the colour mean and covariance of {@code reference}: every pixel becomes
     * {@code A·(x − μ_source) + μ_reference} with {@code A = L_reference·L_source⁻¹}, where {@code L}
     * are Cholesky factors of the covariances, so {@code A·Σ_source·Aᵀ = Σ_reference}. Values are
     * clamped to 0-255, which is where the match can be inexact.
     */
    public static BufferedImage matchColors(BufferedImage source, BufferedImage reference) {
        ColorStatistics from = of(source);
        ColorStatistics to = of(reference);
        double[][] transform = multiply(cholesky(to.covariance()), invertLower(cholesky(from.covariance())));
        int width = source.getWidth();
        int height = source.getHeight();
        int[] rgb = source.getRGB(0, 0, width, height, null, 0, width);
        for (int i = 0; i < rgb.length; i++) {
            double[] centred = new double[3];
            for (int c = 0; c < 3; c++) {
                centred[c] = channel(rgb[i], c) - from.mean()[c];
            }
            int packed = 0;
            for (int c = 0; c < 3; c++) {
                double value = to.mean()[c];
                for (int k = 0; k < 3; k++) {
                    value += transform[c][k] * centred[k];
                }
                packed = packed << 8 | clampToByte(value);
            }
            rgb[i] = packed;
        }
        BufferedImage result = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        result.setRGB(0, 0, width, height, rgb, 0, width);
        return result;
    }

    static double channel(int pixel, int c) {
        return (pixel >> (16 - 8 * c)) & 0xFF;
    }

    static int clampToByte(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }

    private static double[][] cholesky(double[][] matrix) {
        double[][] lower = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = matrix[i][j] + (i == j ? RIDGE : 0);
                for (int k = 0; k < j; k++) {
                    sum -= lower[i][k] * lower[j][k];
                }
                lower[i][j] = i == j ? Math.sqrt(Math.max(sum, RIDGE)) : sum / lower[j][j];
            }
        }
        return lower;
    }

    private static double[][] invertLower(double[][] lower) {
        double[][] inverse = new double[3][3];
        for (int i = 0; i < 3; i++) {
            inverse[i][i] = 1 / lower[i][i];
            for (int j = 0; j < i; j++) {
                double sum = 0;
                for (int k = j; k < i; k++) {
                    sum -= lower[i][k] * inverse[k][j];
                }
                inverse[i][j] = sum / lower[i][i];
            }
        }
        return inverse;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        double[][] product = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 3; k++) {
                    product[i][j] += a[i][k] * b[k][j];
                }
            }
        }
        return product;
    }
}
