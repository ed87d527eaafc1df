package io.github.nst4j.spark;

import io.github.nst4j.listener.LossValues;
import java.awt.image.BufferedImage;

/**
 * One work item made ready on an executor, its inputs read and its settings parsed: what identifies
 * its output, and the work that makes it. {@link ItemRunner} decides whether to run it and writes
 * what it makes.
 */
interface Rendering {
    /** The same for the same settings and inputs, on every executor and in every run. */
    long fingerprint();

    /** The item's settings as {@code --option=value} words, for its {@link ItemRecord}. */
    String settings();

    /** Makes the output. */
    Rendered render();

    /**
     * What a rendering made.
     *
     * @param image the output image
     * @param losses the weighted losses of the image; null when nothing was optimised (a model's
     *     forward pass)
     */
    record Rendered(BufferedImage image, LossValues losses) {
    }
}
