package io.github.nst4j.stats;

/**
 * The power of a real plane's 2-D discrete Fourier transform, as rows then columns of 1-D DFTs by
 * precomputed twiddles: O(h·w·(h+w)), a few milliseconds for the sizes these statistics see.
 */
final class Dft {
    private Dft() {
    }

    /** |DFT|² of {@code plane[y][x]}, unshifted (bin 0 at [0][0]). */
    static double[][] power(double[][] plane) {
        int h = plane.length;
        int w = plane[0].length;
        double[][] cosX = cosines(w);
        double[][] sinX = sines(w);
        double[][] re = new double[h][w];
        double[][] im = new double[h][w];
        for (int y = 0; y < h; y++) {
            for (int k = 0; k < w; k++) {
                double sumRe = 0;
                double sumIm = 0;
                for (int x = 0; x < w; x++) {
                    sumRe += plane[y][x] * cosX[k][x];
                    sumIm -= plane[y][x] * sinX[k][x];
                }
                re[y][k] = sumRe;
                im[y][k] = sumIm;
            }
        }
        double[][] cosY = cosines(h);
        double[][] sinY = sines(h);
        double[][] power = new double[h][w];
        double[] columnRe = new double[h];
        double[] columnIm = new double[h];
        for (int k = 0; k < w; k++) {
            for (int y = 0; y < h; y++) {
                columnRe[y] = re[y][k];
                columnIm[y] = im[y][k];
            }
            for (int j = 0; j < h; j++) {
                double sumRe = 0;
                double sumIm = 0;
                for (int y = 0; y < h; y++) {
                    // (a + ib)(cos - i sin) = a cos + b sin + i(b cos - a sin)
                    sumRe += columnRe[y] * cosY[j][y] + columnIm[y] * sinY[j][y];
                    sumIm += columnIm[y] * cosY[j][y] - columnRe[y] * sinY[j][y];
                }
                power[j][k] = sumRe * sumRe + sumIm * sumIm;
            }
        }
        return power;
    }

    private static double[][] cosines(int n) {
        double[][] table = new double[n][n];
        for (int k = 0; k < n; k++) {
            for (int x = 0; x < n; x++) {
                table[k][x] = Math.cos(2 * Math.PI * ((long) k * x % n) / n);
            }
        }
        return table;
    }

    private static double[][] sines(int n) {
        double[][] table = new double[n][n];
        for (int k = 0; k < n; k++) {
            for (int x = 0; x < n; x++) {
                table[k][x] = Math.sin(2 * Math.PI * ((long) k * x % n) / n);
            }
        }
        return table;
    }
}
