package io.github.nst4j.plan;

import io.github.nst4j.image.ImageSize;
import java.util.List;

/**
 * One stage of a run: the size the image is optimised at, and the size each style image is
 * resized to before its Gram matrices are taken. A single-level run has one; a coarse-to-fine run
 * goes through several, each starting from the previous one's result.
 *
 * @param output the size of the image optimised at this level
 * @param styles the size of each style image, in the order given
 */
public record PyramidLevel(ImageSize output, List<ImageSize> styles) {
    public PyramidLevel {
        styles = List.copyOf(styles);
    }
}
