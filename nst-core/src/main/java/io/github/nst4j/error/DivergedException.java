package io.github.nst4j.error;

import java.awt.image.BufferedImage;

/**
 * The loss became NaN or infinite: after some steps, usually because the learning rate is too high;
 * at the start image, because a weight is too large for 32-bit arithmetic. Carries the best image
 * seen before that, if any, so a caller can still keep it.
 */
public class DivergedException extends NstException {
    private final transient BufferedImage bestImage;

    /**
     * @param message the sentence naming the term that diverged and the fix
     * @param bestImage the best image before the divergence, or null if there was none
     */
    public DivergedException(String message, BufferedImage bestImage) {
        super(message);
        this.bestImage = bestImage;
    }

    /** The image with the lowest finite loss seen before the divergence; null when none was seen. */
    public BufferedImage bestImage() {
        return bestImage;
    }
}
