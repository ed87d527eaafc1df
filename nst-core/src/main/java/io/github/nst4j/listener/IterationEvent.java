package io.github.nst4j.listener;

import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.Optional;

/**
 * What one optimisation step reports to an {@link IterationListener}.
 *
 * <p>One event is one evaluation of the loss and its gradient: an Adam step, or one function
 * evaluation of L-BFGS (its line search may evaluate several points per step). The losses are those
 * of {@link #currentImage()}, the image just evaluated.
 */
public interface IterationEvent {
    /** The evaluation just done, from 1, counted over all pyramid levels of the run. */
    int iteration();

    /** The number of evaluations the run will make unless stopped (all levels). */
    int totalIterations();

    /** Width of the image being optimised at this level, in pixels. */
    int imageWidth();

    /** Height of the image being optimised at this level, in pixels. */
    int imageHeight();

    /** The current pyramid level of a coarse-to-fine run, from 1; always 1 for a single-level run. */
    int level();

    /** The number of pyramid levels of the run. */
    int levelCount();

    /**
     * In a level optimised in tiles (too large for memory whole), which pass and tile this step
     * belongs to; the losses, the image size and {@link #currentImage()} are then the tile's.
     */
    default Optional<TilePosition> tilePosition() {
        return Optional.empty();
    }

    /** Weighted loss terms of this step. */
    LossValues losses();

    /** Time since the optimisation started (excluding model loading and target extraction). */
    Duration elapsed();

    /** The image just evaluated (in a tiled level, the tile's window); converts the tensor, so call it only when needed. */
    BufferedImage currentImage();

    /**
     * The whole image being optimised: {@link #currentImage()}, or in a tiled level the whole image as of
     * the last finished tile (the current tile's steps are not in it yet). Converts the whole image, so call
     * it only when needed.
     */
    default BufferedImage wholeImage() {
        return currentImage();
    }

    /** Asks the run to stop after this step; the result then holds the best image so far. */
    void requestStop();
}
