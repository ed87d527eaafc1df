package io.github.nst4j.cli;

import io.github.nst4j.listener.IterationEvent;
import io.github.nst4j.listener.IterationListener;
import io.github.nst4j.listener.LossValues;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps what the run record, the loss chart and the animation need: every iteration's losses and
 * time, and a frame every {@code frameEvery} iterations when an animation is wanted.
 */
final class RunRecorder implements IterationListener {
    /** One optimisation step. */
    record Step(int iteration, LossValues losses, long elapsedMillis) {
    }

    private final int frameEvery;
    private final List<Step> steps = new ArrayList<>();
    private final List<BufferedImage> frames = new ArrayList<>();

    /** @param frameEvery keep a frame every this many iterations; 0 keeps none */
    RunRecorder(int frameEvery) {
        this.frameEvery = frameEvery;
    }

    @Override
    public void onIteration(IterationEvent event) {
        steps.add(new Step(event.iteration(), event.losses(), event.elapsed().toMillis()));
        if (frameEvery > 0 && event.iteration() % frameEvery == 0) {
            frames.add(event.currentImage());
        }
    }

    List<Step> steps() {
        return steps;
    }

    /** The frames kept so far; the caller adds the final image. */
    List<BufferedImage> frames() {
        return frames;
    }
}
