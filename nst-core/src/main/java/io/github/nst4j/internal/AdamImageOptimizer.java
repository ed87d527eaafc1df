package io.github.nst4j.internal;

import io.github.nst4j.DivergedException;
import io.github.nst4j.image.PixelTensors;
import io.github.nst4j.listener.IterationEvent;
import io.github.nst4j.listener.IterationListener;
import io.github.nst4j.listener.LossValues;
import io.github.nst4j.loss.LossGraph;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Optimises the image variable of a {@link LossGraph} with Adam and keeps the image with the lowest
 * loss seen.
 *
 * <p>Each step runs SameDiff's gradient function once for both the loss terms and the image
 * gradient, then applies ND4J's Adam updater in place, which is what {@code SameDiff.fit} does
 * inside. {@code fit} itself is not used because it skips the forward value of a loss variable
 * whose backward pass does not need it, and then reports every loss term as 0.
 */
public final class AdamImageOptimizer {
    private final LossGraph graph;
    private final Adam adam;

    public AdamImageOptimizer(LossGraph graph, double learningRate) {
        this.graph = graph;
        this.adam = new Adam(learningRate);
    }

    /**
     * The outcome of {@link #optimize}.
     *
     * @param bestImage the image with the lowest total loss seen
     * @param bestIteration how many Adam steps had been applied to that image
     * @param history the losses of every step
     * @param stoppedEarly whether a listener stopped the run
     * @param elapsed time spent optimising
     */
    public record Outcome(INDArray bestImage, int bestIteration, List<LossValues> history,
            boolean stoppedEarly, Duration elapsed) {
    }

    /**
     * Makes up to {@code iterations} Adam steps.
     *
     * @throws DivergedException if a loss term becomes NaN or infinite
     */
    public Outcome optimize(int iterations, IterationListener listener) {
        INDArray image = graph.image();
        GradientUpdater<?> updater = adam.instantiate(
                Nd4j.zeros(image.dataType(), 1, adam.stateSize(image.length())), true);
        INDArray best = image.dup();
        double bestLoss = Double.POSITIVE_INFINITY;
        int bestIteration = 0;
        List<LossValues> history = new ArrayList<>(iterations);
        long start = System.nanoTime();
        boolean stopped = false;
        int iteration = 0;
        while (iteration < iterations && !stopped) {
            LossGraph.Step step = graph.lossesAndGradient();
            LossValues losses = step.losses();
            if (!losses.isFinite()) {
                throw new DivergedException(nonFiniteMessage(losses, iteration + 1), PixelTensors.toImage(best));
            }
            if (losses.total() < bestLoss) {
                bestLoss = losses.total();
                best.assign(image);
                bestIteration = iteration;
            }
            INDArray gradient = step.gradient();
            updater.applyUpdater(gradient, iteration, 0);
            image.subi(gradient);
            iteration++;
            history.add(losses);
            Event event = new Event(iteration, iterations, losses, Duration.ofNanos(System.nanoTime() - start));
            listener.onIteration(event);
            stopped = event.stopRequested;
        }
        // The last update has not been scored yet; one forward pass decides whether it is the best.
        LossValues last = graph.evaluate();
        if (last.isFinite() && last.total() <= bestLoss) {
            best.assign(image);
            bestIteration = iteration;
        }
        return new Outcome(best, bestIteration, history, stopped, Duration.ofNanos(System.nanoTime() - start));
    }

    private static String nonFiniteMessage(LossValues losses, int iteration) {
        String term = !Double.isFinite(losses.content()) ? "content"
                : !Double.isFinite(losses.style()) ? "style" : "total-variation";
        return "The " + term + " loss became " + (Double.isNaN(losses.total()) ? "NaN" : "infinite")
                + " at iteration " + iteration + "; lower the learning rate (--learning-rate)";
    }

    private final class Event implements IterationEvent {
        private final int iteration;
        private final int total;
        private final LossValues losses;
        private final Duration elapsed;
        private boolean stopRequested;

        Event(int iteration, int total, LossValues losses, Duration elapsed) {
            this.iteration = iteration;
            this.total = total;
            this.losses = losses;
            this.elapsed = elapsed;
        }

        @Override
        public int iteration() {
            return iteration;
        }

        @Override
        public int totalIterations() {
            return total;
        }

        @Override
        public LossValues losses() {
            return losses;
        }

        @Override
        public Duration elapsed() {
            return elapsed;
        }

        @Override
        public BufferedImage currentImage() {
            return PixelTensors.toImage(graph.image());
        }

        @Override
        public void requestStop() {
            stopRequested = true;
        }
    }
}
