package io.github.nst4j.error;

import java.awt.image.BufferedImage;

/**
 * The loss became NaN or infinite, usually because the learning rate is too high. Carries the best
 * image seen before that, so a caller can still keep it.
 */
public class DivergedException extends NstException {
    private final transient BufferedImage bestImage;

    public DivergedException(String message, BufferedImage bestImage) {
        super(message);
        this.bestImage = bestImage;
    }

    /** The image with the lowest finite loss seen before the divergence. */
    public BufferedImage bestImage() {
        return bestImage;
    }
}
