package io.github.nst4j.cli.studio;

import io.github.nst4j.listener.IterationEvent;

/**
 * One iteration of a run as the page shows it: the status line's numbers and a point of the loss
 * chart. A finished run keeps its steps, so that its chart can be shown again.
 */
record ProgressStep(int run, int iteration, int total, int level, int levels, int width, int height, double content,
        double style, double tv, double loss, double secondsPerIteration, double etaSeconds) {

    static ProgressStep of(int run, IterationEvent event) {
        double perIteration = event.elapsed().toNanos() / 1e9 / event.iteration();
        return new ProgressStep(run, event.iteration(), event.totalIterations(), event.level(), event.levelCount(),
                event.imageWidth(), event.imageHeight(), event.losses().content(), event.losses().style(),
                event.losses().totalVariation(), event.losses().total(), perIteration,
                perIteration * (event.totalIterations() - event.iteration()));
    }
}
