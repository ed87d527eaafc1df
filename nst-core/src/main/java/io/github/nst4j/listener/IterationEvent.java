package io.github.nst4j.listener;

import java.awt.image.BufferedImage;
import java.time.Duration;

/**
 * What one optimisation step reports to an {@link IterationListener}.
 *
 * <p>The losses are those of the image the step started from; {@link #currentImage()} is the image
 * after the step's update.
 */
public interface IterationEvent {
    /** The step just done, from 1. */
    int iteration();

    /** The number of steps the run will make unless stopped. */
    int totalIterations();

    /** Weighted loss terms of this step. */
    LossValues losses();

    /** Time since the optimisation started (excluding model loading and target extraction). */
    Duration elapsed();

    /** The image as it is now; converts the tensor, so call it only when needed. */
    BufferedImage currentImage();

    /** Asks the run to stop after this step; the result then holds the best image so far. */
    void requestStop();
}
