package io.github.nst4j.fast;

import io.github.nst4j.listener.LossValues;
import java.time.Duration;

/** What one training step reports to a {@link TrainingListener}. */
public final class TrainingEvent {
    private final int step;
    private final int totalSteps;
    private final int epoch;
    private final LossValues losses;
    private final Duration elapsed;
    private final int skippedImages;
    private boolean stopRequested;

    TrainingEvent(int step, int totalSteps, int epoch, LossValues losses, Duration elapsed, int skippedImages) {
        this.step = step;
        this.totalSteps = totalSteps;
        this.epoch = epoch;
        this.losses = losses;
        this.elapsed = elapsed;
        this.skippedImages = skippedImages;
    }

    /** The step just taken, from 1, counted over the whole training (a resumed one goes on counting). */
    public int step() {
        return step;
    }

    /** The steps the training takes unless stopped. */
    public int totalSteps() {
        return totalSteps;
    }

    /** The pass over the training images this step's batch ended in, from 1. */
    public int epoch() {
        return epoch;
    }

    /** The weighted losses of this step's batch, before the step changed the weights. */
    public LossValues losses() {
        return losses;
    }

    /** Time since this session of training started (after loading and preparation). */
    public Duration elapsed() {
        return elapsed;
    }

    /** Image files skipped so far because they could not be read or were smaller than the crop. */
    public int skippedImages() {
        return skippedImages;
    }

    /**
     * Asks the training to stop after this step; it then writes its checkpoint, if it has one, from
     * which a resumed training reaches the same weights as one never stopped.
     */
    public void requestStop() {
        stopRequested = true;
    }

    boolean stopRequested() {
        return stopRequested;
    }
}
