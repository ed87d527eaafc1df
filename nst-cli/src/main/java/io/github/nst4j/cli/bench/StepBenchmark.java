package io.github.nst4j.cli.bench;

import io.github.nst4j.StyleTransfer;
import io.github.nst4j.listener.IterationListener;
import io.github.nst4j.weights.WeightsSource;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Times optimisation steps of a style transfer between two noise images of one square size (the
 * step's cost does not depend on the pixels). Used by {@code nst bench} and by the benchmark
 * programs of nst-examples, which run other work between timed steps.
 */
public final class StepBenchmark {
    private final WeightsSource weights;
    private final boolean lowMemory;

    /** Steps on {@code weights} (load them {@link WeightsSource#cached() cached} for several runs). */
    public StepBenchmark(WeightsSource weights, boolean lowMemory) {
        this.weights = weights;
        this.lowMemory = lowMemory;
    }

    /**
     * Runs {@code warmup + iterations} steps at {@code size} x {@code size} and returns the seconds
     * of each, warm-up first. After each timed step (not during warm-up) {@code afterTimedStep} runs;
     * its time is not counted as the next step's.
     */
    public List<Double> stepSeconds(int size, int warmup, int iterations, Runnable afterTimedStep) {
        List<Double> seconds = new ArrayList<>(warmup + iterations);
        long[] stepEnd = {0};
        run(size, warmup + iterations, event -> {
            // The first step counts from the start of the run, as the run's own clock does.
            seconds.add(seconds.isEmpty() ? event.elapsed().toNanos() / 1e9 : (System.nanoTime() - stepEnd[0]) / 1e9);
            if (seconds.size() > warmup) {
                afterTimedStep.run();
            }
            stepEnd[0] = System.nanoTime();
        });
        return seconds;
    }

    /** Runs {@code iterations} steps at {@code size} x {@code size}, handing each to {@code listener}. */
    public void run(int size, int iterations, IterationListener listener) {
        StyleTransfer.builder()
                .content(noiseImage(size, 1)).style(noiseImage(size, 2))
                .size(size).iterations(iterations).weights(weights).lowMemory(lowMemory)
                .build()
                .run(listener);
    }

    /** The median of an ascending list. */
    public static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static BufferedImage noiseImage(int size, long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                image.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        return image;
    }
}
