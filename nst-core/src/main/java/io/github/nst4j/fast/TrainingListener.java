package io.github.nst4j.fast;

/**
 * Sees every step of a {@link FastStyleTrainer}'s training. Called on the training thread; keep it
 * quick, since the next step waits for it.
 */
@FunctionalInterface
public interface TrainingListener {
    /** A listener that does nothing. */
    TrainingListener NONE = event -> { };

    void onStep(TrainingEvent event);
}
