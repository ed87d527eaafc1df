package io.github.nst4j.video;

import io.github.nst4j.listener.IterationListener;
import java.awt.image.BufferedImage;

/** Stylises one frame, held to the previous stylised frame where a guide says the scene carried over. */
interface FrameStylizer {
    /**
     * @param frame the input frame at the output size
     * @param guide the previous stylised frame warped into this one and where to trust it; null for
     *     the first frame or when frames are stylised independently
     * @param listener sees the optimisation's iterations, where there are any
     * @return the stylised frame, the size of {@code frame}; null if the listener stopped it
     */
    BufferedImage stylize(BufferedImage frame, TemporalGuide guide, IterationListener listener);
}
