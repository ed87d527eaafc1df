package io.github.nst4j.optim;

import io.github.nst4j.error.DivergedException;
import io.github.nst4j.image.PixelTensors;
import io.github.nst4j.listener.EarlyStop;
import io.github.nst4j.listener.IterationEvent;
import io.github.nst4j.listener.IterationListener;
import io.github.nst4j.listener.LossValues;
import io.github.nst4j.listener.TilePosition;
import io.github.nst4j.loss.LossGraph;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Scores images for an {@link ImageOptimizer}: every {@link #evaluate()} is one forward and backward
 * pass of the loss graph, counted against the budget, reported to the listener and remembered if
 * its objective (see {@link LossGraph.Step#objective()}) is the lowest so far. Optimisers mark the
 * points they could be resumed from with {@link #markResumePoint}.
 *
 * <p>What the optimisation returns is set by its {@link Result}: the lowest-objective image (a whole
 * level), so that the returned image is always one an evaluation scored; or the image after the
 * optimiser's last step (a tile, whose few steps must all count).
 */
public final class BudgetedObjective {
    private final LossGraph graph;
    private final LevelBudget budget;
    private final Convergence convergence;
    private EarlyStop earlyStop;
    private final IterationListener listener;
    private final EventContext context;
    private final List<LossValues> history;
    private final Result result;
    private INDArray best;
    private double bestObjective;
    private double bestLoss;
    private int bestIteration;
    private boolean stopRequested;
    private ResumePoint resumePoint;

    /**
     * Where an event happens: image size, pyramid level (from 1) and level count, the total number of
     * evaluations of the whole run, when the run started ({@link System#nanoTime()}), and in a tiled
     * level the tile and the whole image as of the last finished tile (else both null); width and height
     * are then the tile window's.
     */
    public record EventContext(int width, int height, int level, int levelCount, int totalIterations,
            long startNanos, TilePosition tile, Supplier<BufferedImage> wholeImage) {
    }

    /**
     * A point the optimisation can continue from exactly.
     *
     * @param iterations evaluations done in the whole run (all levels) at this point
     * @param levelStart evaluations of the run before this point's level
     * @param best lowest-loss image of this level at this point
     * @param optimizerState the optimiser's arrays; never modified afterwards
     */
    public record ResumePoint(int iterations, int levelStart, INDArray best, double bestObjective, double bestLoss,
            int bestIteration, List<LossValues> history, Map<String, INDArray> optimizerState) {
    }

    /**
     * The evaluations of one pyramid level within the run.
     *
     * @param start evaluations of the run before this level
     * @param end the run-wide evaluation count at which this level stops
     * @param startInherited whether the level starts from the previous level's result: its first
     *     evaluation then scores that (upsampled) image, which is not this level's work and so never
     *     becomes its best image
     */
    public record LevelBudget(int start, int end, boolean startInherited) {
    }

    /**
     * When a level may stop before its budget: once the best loss improved by less than
     * {@code tolerance} (a fraction) over the last {@code window} evaluations; 0 never stops early.
     */
    public record StopRule(double tolerance, int window) {
        /** Never stop early. */
        public static final StopRule NEVER = new StopRule(0, 1);
    }

    /** Which image an optimisation returns. */
    public enum Result {
        /**
         * The evaluated image with the lowest objective; an optimiser makes no step after its last
         * evaluation, since nothing would score the image it made.
         */
        LOWEST_OBJECTIVE,
        /** The image after the optimiser's last step, scored or not. */
        LAST_STEP
    }

    /**
     * An objective that returns the {@linkplain Result#LOWEST_OBJECTIVE lowest-objective} image.
     *
     * @param history losses of all earlier evaluations of the run; its size is the number done
     */
    public BudgetedObjective(LossGraph graph, List<LossValues> history, LevelBudget budget, StopRule stopRule,
            IterationListener listener, EventContext context) {
        this(graph, history, budget, stopRule, listener, context, Result.LOWEST_OBJECTIVE);
    }

    /**
     * @param history losses of all earlier evaluations of the run; its size is the number done
     * @param result which image the optimisation returns
     */
    public BudgetedObjective(LossGraph graph, List<LossValues> history, LevelBudget budget, StopRule stopRule,
            IterationListener listener, EventContext context, Result result) {
        this.graph = graph;
        this.result = result;
        this.history = new ArrayList<>(history);
        this.budget = budget;
        this.convergence = new Convergence(stopRule.tolerance(), stopRule.window());
        this.listener = listener;
        this.context = context;
        this.best = graph.image().dup();
        this.bestObjective = Double.POSITIVE_INFINITY;
        this.bestLoss = Double.POSITIVE_INFINITY;
        this.bestIteration = history.size();
    }

    /** Continues from a resumePoint of an earlier run with the same settings. */
    public void restore(ResumePoint from) {
        history.clear();
        history.addAll(from.history());
        best.assign(from.best());
        bestObjective = from.bestObjective();
        bestLoss = from.bestLoss();
        bestIteration = from.bestIteration();
        resumePoint = from;
        if (graph.normalizesGradients()) {
            return; // the history holds total losses, not objectives: the tolerance's window starts afresh
        }
        // The running best of the level so far, as it was before the interruption.
        double best = Double.POSITIVE_INFINITY;
        for (int i = budget.start(); i < history.size(); i++) {
            boolean inherited = budget.startInherited() && i == budget.start();
            best = inherited ? best : Math.min(best, history.get(i).total());
            convergence.add(best);
        }
    }

    /** The loss graph whose image is being optimised. */
    public LossGraph graph() {
        return graph;
    }

    /** True once the budget is spent or a listener asked to stop. */
    public boolean exhausted() {
        return stopRequested || history.size() >= budget.end() || earlyStop != null;
    }

    /** Whether an optimiser steps after its last evaluation (see {@link Result}). */
    public boolean stepsAfterLastEvaluation() {
        return result == Result.LAST_STEP;
    }

    /** How the level stopped before its budget because the loss stopped improving, or null. */
    public EarlyStop earlyStop() {
        return earlyStop;
    }

    /**
     * Losses and gradient of the graph's current image.
     *
     * @throws DivergedException if a loss term is NaN or infinite
     */
    public LossGraph.Step evaluate() {
        LossGraph.Step step = graph.lossesAndGradient();
        LossValues losses = step.losses();
        if (!losses.isFinite()) {
            boolean scored = Double.isFinite(bestObjective);
            throw new DivergedException(nonFiniteMessage(losses, history.size() + 1, scored),
                    scored ? PixelTensors.toImage(best) : null);
        }
        consider(step.objective(), losses.total());
        history.add(losses);
        convergence.add(bestObjective);
        if (history.size() < budget.end() && convergence.reached()) {
            earlyStop = new EarlyStop(context.level(), history.size(), convergence.lastImprovement(),
                    convergence.window());
        }
        Event event = new Event(history.size(), losses, Duration.ofNanos(System.nanoTime() - context.startNanos()));
        listener.onIteration(event);
        stopRequested |= event.stopRequested;
        return step;
    }

    /** Marks the present as a resumable point; {@code optimizerState} must not change afterwards. */
    public void markResumePoint(Map<String, INDArray> optimizerState) {
        // The history is append-only: its first entries are copied only when the resumePoint is asked for.
        resumePoint = new ResumePoint(history.size(), budget.start(), best.dup(), bestObjective, bestLoss,
                bestIteration, List.of(), Map.copyOf(optimizerState));
    }

    /** The last resumable point, or null before the first. */
    public ResumePoint lastResumePoint() {
        if (resumePoint == null) {
            return null;
        }
        return new ResumePoint(resumePoint.iterations(), resumePoint.levelStart(), resumePoint.best(),
                resumePoint.bestObjective(), resumePoint.bestLoss(),
                resumePoint.bestIteration(), List.copyOf(history.subList(0, resumePoint.iterations())),
                resumePoint.optimizerState());
    }

    /** The image the optimisation returns (see {@link Result}); valid until the graph is closed. */
    public INDArray resultImage() {
        return result == Result.LAST_STEP ? graph.image() : best;
    }

    /** The evaluated image with the lowest objective. */
    public INDArray bestImage() {
        return best;
    }

    /** The iteration (numbered as in the events, from 1) whose image is {@link #bestImage()}. */
    public int bestIteration() {
        return bestIteration;
    }

    /**
     * The total loss of {@link #bestImage()} (its entry in the history); infinite before the first
     * candidate. With normalised gradients it was chosen by its objective, not by this loss.
     */
    public double bestLoss() {
        return bestLoss;
    }

    /** @return the losses of every evaluation so far, in order */
    public List<LossValues> history() {
        return List.copyOf(history);
    }

    /** @return whether a listener asked the run to stop */
    public boolean stopRequested() {
        return stopRequested;
    }

    /** Keeps the current image if it beats the best; called before the evaluation joins the history. */
    private void consider(double objective, double total) {
        boolean inherited = budget.startInherited() && history.size() == budget.start();
        if (!inherited && objective < bestObjective) {
            bestObjective = objective;
            bestLoss = total;
            best.assign(graph.image());
            bestIteration = history.size() + 1;
        }
    }

    /**
     * Before any finite score, no step is to blame: the term's weight overflows 32-bit floats
     * (beyond about 3e38) or an input holds NaN; after one, the steps went too far.
     */
    private static String nonFiniteMessage(LossValues losses, int iteration, boolean scored) {
        String term = !Double.isFinite(losses.content()) ? "content"
                : !Double.isFinite(losses.style()) ? "style" : "TV";
        boolean nan = Double.isNaN(losses.total());
        if (!scored) {
            return "The " + term + " loss is " + (nan ? "NaN" : "infinite") + " at iteration " + iteration
                    + ", before any step: " + (nan ? "the images or weights hold invalid values; check them"
                    : "the " + term + " weight is too large for 32-bit arithmetic; lower it");
        }
        return "The " + term + " loss became " + (nan ? "NaN" : "infinite") + " at iteration " + iteration
                + "; lower the learning rate";
    }

    private final class Event implements IterationEvent {
        private final int iteration;
        private final LossValues losses;
        private final Duration elapsed;
        private boolean stopRequested;

        Event(int iteration, LossValues losses, Duration elapsed) {
            this.iteration = iteration;
            this.losses = losses;
            this.elapsed = elapsed;
        }

        @Override
        public int iteration() {
            return iteration;
        }

        @Override
        public int totalIterations() {
            return context.totalIterations();
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
        public int imageWidth() {
            return context.width();
        }

        @Override
        public int imageHeight() {
            return context.height();
        }

        @Override
        public int level() {
            return context.level();
        }

        @Override
        public int levelCount() {
            return context.levelCount();
        }

        @Override
        public Optional<TilePosition> tilePosition() {
            return Optional.ofNullable(context.tile());
        }

        @Override
        public BufferedImage currentImage() {
            return PixelTensors.toImage(graph.image());
        }

        @Override
        public BufferedImage wholeImage() {
            return context.wholeImage() != null ? context.wholeImage().get() : currentImage();
        }

        @Override
        public void requestStop() {
            stopRequested = true;
        }
    }
}
