package io.github.nst4j.listener;

/**
 * Sees every optimisation step of a style transfer. Called on the thread running the transfer;
 * keep it quick, since the next step waits for it.
 */
@FunctionalInterface
public interface IterationListener {
    /** A listener that does nothing. */
    IterationListener NONE = event -> { };

    void onIteration(IterationEvent event);
}
