package io.github.nst4j.optim;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides when a level has stopped improving: the best total loss seen has fallen by less than a
 * fraction {@code tolerance} over the last {@code window} evaluations. The best loss, not the last,
 * so that Adam's oscillations do not look like progress or like a stall.
 */
final class Convergence {
    private final double tolerance;
    private final int window;
    private final List<Double> runningBest = new ArrayList<>();
    private double lastImprovement = Double.NaN;

    /** @param tolerance 0 never converges */
    Convergence(double tolerance, int window) {
        this.tolerance = tolerance;
        this.window = window;
    }

    /** Adds the running best loss after one more evaluation of the level. */
    void add(double bestLoss) {
        runningBest.add(bestLoss);
    }

    /** True once the last {@code window} evaluations improved the best loss by less than the tolerance. */
    boolean reached() {
        int n = runningBest.size();
        if (tolerance <= 0 || n <= window) {
            return false;
        }
        double before = runningBest.get(n - 1 - window);
        if (!Double.isFinite(before)) {
            return false;
        }
        lastImprovement = (before - runningBest.get(n - 1)) / Math.abs(before);
        return lastImprovement < tolerance;
    }

    /** The improvement measured by the last {@link #reached()} that had a window to look at. */
    double lastImprovement() {
        return lastImprovement;
    }

    int window() {
        return window;
    }
}
