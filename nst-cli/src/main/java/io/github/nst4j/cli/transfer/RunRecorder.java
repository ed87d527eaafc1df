package io.github.nst4j.cli.transfer;

import io.github.nst4j.listener.IterationEvent;
import io.github.nst4j.listener.IterationListener;
import io.github.nst4j.listener.LossValues;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps what the run record, the loss chart and the animation need: the time of every iteration
 * this process ran, and a frame every {@code frameEvery} iterations when an animation is wanted.
 */
final class RunRecorder implements IterationListener {
    /** One iteration: its losses and, where known, its time from the start of the whole run. */
    record Step(int iteration, LossValues losses, Long elapsedMillis) {
    }

    private final int frameEvery;
    private final Map<Integer, Long> elapsedMillis = new HashMap<>();
    private final List<BufferedImage> frames = new ArrayList<>();

    /** @param frameEvery keep a frame every this many iterations; 0 keeps none */
    RunRecorder(int frameEvery) {
        this.frameEvery = frameEvery;
    }

    @Override
    public void onIteration(IterationEvent event) {
        elapsedMillis.put(event.iteration(), event.elapsed().toMillis());
        if (frameEvery > 0 && event.iteration() % frameEvery == 0) {
            frames.add(event.wholeImage());
        }
    }

    /** Whether this process saw an iteration finish with a finite loss. */
    boolean anyIteration() {
        return !elapsedMillis.isEmpty();
    }

    /**
     * Every iteration of the whole run: the losses of {@code history} (the result's, which a
     * resumed run has in full), timed by the earlier part's record and then by this process.
     */
    List<Step> steps(List<LossValues> history, PreviousRun previous) {
        List<Step> steps = new ArrayList<>(history.size());
        for (int i = 1; i <= history.size(); i++) {
            Long time = i <= previous.elapsedMillis().size() ? previous.elapsedMillis().get(i - 1)
                    : elapsedMillis.containsKey(i) ? previous.endMillis() + elapsedMillis.get(i) : null;
            steps.add(new Step(i, history.get(i - 1), time));
        }
        return steps;
    }

    /** The earlier part's frames, then this process's; the caller adds the final image. */
    List<BufferedImage> frames(PreviousRun previous) {
        List<BufferedImage> all = new ArrayList<>(previous.frames());
        all.addAll(frames);
        return all;
    }
}
