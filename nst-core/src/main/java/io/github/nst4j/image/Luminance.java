package io.github.nst4j.image;

import java.awt.image.BufferedImage;

/**
 * Luminance-only style transfer in YIQ (Gatys et al., "Preserving Color in Neural Artistic Style
 * Transfer", 2016, section 2.2): images become their luminance Y as gray RGB, and the result's Y is
 * put back together with the content's chroma I and Q.
 */
public final class Luminance {
    /** RGB to YIQ (FCC NTSC), rows Y, I, Q. */
    private static final double[][] TO_YIQ = {
        {0.299, 0.587, 0.114},
        {0.595716, -0.274453, -0.321263},
        {0.211456, -0.522591, 0.311135},
    };
    private static final double[][] FROM_YIQ = invert(TO_YIQ);

    private Luminance() {
    }

    /** The Y, I, Q values of a packed RGB pixel, in 0-255 units. */
    public static double[] yiq(int rgb) {
        double[] yiq = new double[3];
        for (int row = 0; row < 3; row++) {
            for (int c = 0; c < 3; c++) {
                yiq[row] += TO_YIQ[row][c] * ColorStatistics.channel(rgb, c);
            }
        }
        return yiq;
    }

    /** The image's luminance as a gray RGB image. */
    public static BufferedImage gray(BufferedImage image) {
        return mapLuminance(image, 1, 0);
    }

    /**
     * The luminance of {@code style} as a gray image, shifted and scaled to the mean and standard
     * deviation of {@code content}'s luminance, so the two are compared on the same footing.
     */
    public static BufferedImage grayMatched(BufferedImage style, BufferedImage content) {
        double[] styleStats = meanAndDeviation(style);
        double[] contentStats = meanAndDeviation(content);
        double scale = styleStats[1] > 0 ? contentStats[1] / styleStats[1] : 1;
        return mapLuminance(style, scale, contentStats[0] - scale * styleStats[0]);
    }

    /** The luminance of {@code luminanceSource} with the I and Q chroma of {@code chromaSource}. */
    public static BufferedImage combine(BufferedImage luminanceSource, BufferedImage chromaSource) {
        int width = chromaSource.getWidth();
        int height = chromaSource.getHeight();
        int[] luma = luminanceSource.getRGB(0, 0, width, height, null, 0, width);
        int[] chroma = chromaSource.getRGB(0, 0, width, height, null, 0, width);
        int[] combined = new int[luma.length];
        for (int i = 0; i < luma.length; i++) {
            double[] yiq = yiq(chroma[i]);
            yiq[0] = yiq(luma[i])[0];
            int packed = 0;
            for (int c = 0; c < 3; c++) {
                double value = FROM_YIQ[c][0] * yiq[0] + FROM_YIQ[c][1] * yiq[1] + FROM_YIQ[c][2] * yiq[2];
                packed = packed << 8 | ColorStatistics.clampToByte(value);
            }
            combined[i] = packed;
        }
        BufferedImage result = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        result.setRGB(0, 0, width, height, combined, 0, width);
        return result;
    }

    private static BufferedImage mapLuminance(BufferedImage image, double scale, double offset) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] rgb = image.getRGB(0, 0, width, height, null, 0, width);
        for (int i = 0; i < rgb.length; i++) {
            int y = ColorStatistics.clampToByte(scale * yiq(rgb[i])[0] + offset);
            rgb[i] = y << 16 | y << 8 | y;
        }
        BufferedImage result = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        result.setRGB(0, 0, width, height, rgb, 0, width);
        return result;
    }

    private static double[] meanAndDeviation(BufferedImage image) {
        int[] rgb = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        double sum = 0;
        double sumOfSquares = 0;
        for (int pixel : rgb) {
            double y = yiq(pixel)[0];
            sum += y;
            sumOfSquares += y * y;
        }
        double mean = sum / rgb.length;
        return new double[] {mean, Math.sqrt(Math.max(0, sumOfSquares / rgb.length - mean * mean))};
    }

    private static double[][] invert(double[][] m) {
        double det = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
                - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
        double[][] inverse = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                // Cofactor of (j, i) over the determinant.
                int r1 = (j + 1) % 3;
                int r2 = (j + 2) % 3;
                int c1 = (i + 1) % 3;
                int c2 = (i + 2) % 3;
                inverse[i][j] = (m[r1][c1] * m[r2][c2] - m[r1][c2] * m[r2][c1]) / det;
            }
        }
        return inverse;
    }
}
