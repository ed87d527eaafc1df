package io.github.nst4j.stats;

/**
 * The radially averaged power spectrum of a Hann-windowed plane, in log10, over 24 equal rings of
 * spatial frequency from 0.02 to 0.5 cycles per pixel.
 */
final class RadialSpectrum {
    private static final int RINGS = 24;
    private static final double LOWEST = 0.02;
    private static final double HIGHEST = 0.5;

    private RadialSpectrum() {
    }

    /** The log10 mean power per ring of {@code plane[y][x]}, after removing its mean. */
    static double[] of(double[][] plane) {
        int h = plane.length;
        int w = plane[0].length;
        double mean = 0;
        for (double[] row : plane) {
            for (double value : row) {
                mean += value;
            }
        }
        mean /= (double) h * w;
        double[] hannY = hann(h);
        double[] hannX = hann(w);
        double[][] windowed = new double[h][w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                windowed[y][x] = (plane[y][x] - mean) * hannY[y] * hannX[x];
            }
        }
        double[][] power = Dft.power(windowed);
        double[] sums = new double[RINGS];
        int[] counts = new int[RINGS];
        double ringWidth = (HIGHEST - LOWEST) / RINGS;
        for (int y = 0; y < h; y++) {
            double fy = frequency(y, h);
            for (int x = 0; x < w; x++) {
                double fx = frequency(x, w);
                double radius = Math.sqrt(fx * fx + fy * fy);
                int ring = (int) Math.floor((radius - LOWEST) / ringWidth);
                if (radius >= LOWEST && ring < RINGS) {
                    sums[ring] += power[y][x];
                    counts[ring]++;
                }
            }
        }
        double[] spectrum = new double[RINGS];
        for (int ring = 0; ring < RINGS; ring++) {
            // An empty ring (images under ~50 px) has no mean: NaN, as NumPy gives.
            spectrum[ring] = Math.log10(sums[ring] / counts[ring] / ((double) h * w) + 1e-12);
        }
        return spectrum;
    }

    /** NumPy's {@code hanning(n)}: a raised cosine that is 0 at both ends. */
    private static double[] hann(int n) {
        double[] window = new double[n];
        for (int i = 0; i < n; i++) {
            window[i] = n == 1 ? 1 : 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (n - 1));
        }
        return window;
    }

    /** The frequency of DFT bin {@code k} of {@code n}, in cycles per pixel (NumPy's {@code fftfreq}). */
    private static double frequency(int k, int n) {
        return (k < (n + 1) / 2 ? k : k - n) / (double) n;
    }
}
