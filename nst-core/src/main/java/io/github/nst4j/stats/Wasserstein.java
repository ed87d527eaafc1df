package io.github.nst4j.stats;

import java.util.Arrays;

/** The 1-D Wasserstein distance of two samples, read off 512 evenly spaced quantiles. */
final class Wasserstein {
    private static final int QUANTILES = 512;

    private Wasserstein() {
    }

    /** Mean absolute difference between the samples' quantiles at 0, 1/511, ..., 1. */
    static double distance(double[] a, double[] b) {
        double[] sortedA = a.clone();
        double[] sortedB = b.clone();
        Arrays.sort(sortedA);
        Arrays.sort(sortedB);
        double sum = 0;
        for (int i = 0; i < QUANTILES; i++) {
            double q = (double) i / (QUANTILES - 1);
            sum += Math.abs(quantile(sortedA, q) - quantile(sortedB, q));
        }
        return sum / QUANTILES;
    }

    /** The q-quantile of sorted values, interpolated linearly between neighbours (NumPy's default). */
    static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        double fraction = position - below;
        return sorted[below] + fraction * (sorted[above] - sorted[below]);
    }
}
