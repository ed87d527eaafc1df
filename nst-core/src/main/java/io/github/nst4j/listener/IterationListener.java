package io.github.nst4j.listener;

import io.github.nst4j.plan.TimeEstimate;

/**
 * Sees every optimisation step of a style transfer, and the long work between steps. Called on the
 * thread running the transfer; keep it quick, since the next step waits for it.
 */
@FunctionalInterface
public interface IterationListener {
    /** A listener that does nothing. */
    IterationListener NONE = event -> { };

    void onIteration(IterationEvent event);

    /** Called after each window of long work between steps (see {@link PreparationEvent}). */
    default void onPreparation(PreparationEvent event) {
    }

    /**
     * Called once before a run with a level in tiles starts its work, with the forecast of how long
     * the whole run takes here (measuring it costs about three steps of one tile).
     */
    default void onEstimate(TimeEstimate estimate) {
    }
}
