package io.github.nst4j.stats;

import java.awt.image.BufferedImage;

/**
 * The structural similarity (Wang et al., 2004) of two images' luminance: how recognisable a photo
 * stays in its stylised version. Gaussian window of 11 px with σ = 1.5, constants for 0-255 levels,
 * averaged over the positions where the window fits; 1 for identical images.
 */
public final class Ssim {
    private static final double C1 = Math.pow(0.01 * 255, 2);
    private static final double C2 = Math.pow(0.03 * 255, 2);
    private static final double[] WINDOW = gaussian(5, 1.5);

    private Ssim() {
    }

    /**
     * The luminance SSIM of {@code image} against {@code reference}, which is first resized (Pillow's
     * bicubic) to the image's size.
     */
    public static double luminance(BufferedImage reference, BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        double[][] x = StyleStatistics.luminance(PillowBicubic.resize(reference, width, height));
        double[][] y = StyleStatistics.luminance(Pixels.rgb(image));
        double[][] meanX = blur(x);
        double[][] meanY = blur(y);
        double[][] xx = blur(product(x, x));
        double[][] yy = blur(product(y, y));
        double[][] xy = blur(product(x, y));
        double sum = 0;
        int count = 0;
        for (int row = 0; row < meanX.length; row++) {
            for (int col = 0; col < meanX[0].length; col++) {
                double mx = meanX[row][col];
                double my = meanY[row][col];
                double varX = xx[row][col] - mx * mx;
                double varY = yy[row][col] - my * my;
                double cov = xy[row][col] - mx * my;
                sum += (2 * mx * my + C1) * (2 * cov + C2) / ((mx * mx + my * my + C1) * (varX + varY + C2));
                count++;
            }
        }
        return sum / count;
    }

    private static double[][] product(double[][] a, double[][] b) {
        double[][] p = new double[a.length][a[0].length];
        for (int y = 0; y < a.length; y++) {
            for (int x = 0; x < a[0].length; x++) {
                p[y][x] = a[y][x] * b[y][x];
            }
        }
        return p;
    }

    /** The separable Gaussian filter over the positions where the whole window fits. */
    private static double[][] blur(double[][] plane) {
        int k = WINDOW.length;
        int h = plane.length - k + 1;
        int w = plane[0].length - k + 1;
        double[][] rows = new double[h][plane[0].length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < plane[0].length; x++) {
                double sum = 0;
                for (int i = 0; i < k; i++) {
                    sum += WINDOW[i] * plane[y + i][x];
                }
                rows[y][x] = sum;
            }
        }
        double[][] out = new double[h][w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double sum = 0;
                for (int i = 0; i < k; i++) {
                    sum += WINDOW[i] * rows[y][x + i];
                }
                out[y][x] = sum;
            }
        }
        return out;
    }

    private static double[] gaussian(int radius, double sigma) {
        double[] window = new double[2 * radius + 1];
        double total = 0;
        for (int i = -radius; i <= radius; i++) {
            window[i + radius] = Math.exp(-i * i / (2 * sigma * sigma));
            total += window[i + radius];
        }
        for (int i = 0; i < window.length; i++) {
            window[i] /= total;
        }
        return window;
    }
}
