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
     * Whether a fresh (not resumed) run with a level in tiles should measure its time forecast and
     * report it to {@link #onEstimate} before it starts; measuring costs about three steps of one tile.
     */
    default boolean wantsEstimate() {
        return false;
    }

    /** The forecast of how long the whole run takes here, if {@link #wantsEstimate()}. */
    default void onEstimate(TimeEstimate estimate) {
    }
}
