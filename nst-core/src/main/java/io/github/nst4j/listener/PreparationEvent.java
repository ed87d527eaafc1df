package io.github.nst4j.listener;

import java.time.Duration;

/**
 * Progress of long work between optimisation steps, reported window by window: in a level too large
 * for memory, the Grams of a style image taken in tiles, and the whole-image loss of the result. At
 * 8192 px either takes minutes.
 */
public final class PreparationEvent {
    /** What the work is for. */
    public enum Task {
        /** The Gram matrices of a style image, before the level's first step. */
        STYLE_STATISTICS,
        /** The final image's loss over the whole image, after the level's last step. */
        WHOLE_IMAGE_LOSS
    }

    private final Task task;
    private final int done;
    private final int total;
    private final Duration elapsed;
    private boolean stopRequested;

    /**
     * @param done windows done so far in this task (over all style images, for the statistics)
     * @param total windows of this task
     * @param elapsed time since this task started
     */
    public PreparationEvent(Task task, int done, int total, Duration elapsed) {
        this.task = task;
        this.done = done;
        this.total = total;
        this.elapsed = elapsed;
    }

    public Task task() {
        return task;
    }

    public int done() {
        return done;
    }

    public int total() {
        return total;
    }

    public Duration elapsed() {
        return elapsed;
    }

    /**
     * Asks the run to stop. During the style statistics, the run ends before its level's first step
     * (the result holds the level's start image and can be resumed); during the whole-image loss, the
     * finished image is kept and its loss is left unmeasured (a further level, if any, still runs).
     */
    public void requestStop() {
        stopRequested = true;
    }

    public boolean stopRequested() {
        return stopRequested;
    }
}
