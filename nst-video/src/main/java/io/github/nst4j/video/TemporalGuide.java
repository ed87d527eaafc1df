package io.github.nst4j.video;

import io.github.nst4j.video.flow.FrameMotion;
import java.awt.image.BufferedImage;

/**
 * What the previous frame tells the current one: the motion between the input frames (whose mask
 * says where the warp holds), the previous stylised frame warped into this one, and the start image
 * made of it. Each picture is warped when first asked for: a fast network needs no start image.
 */
final class TemporalGuide {
    private final FrameMotion motion;
    private final BufferedImage previousOutput;
    private final BufferedImage frame;
    private BufferedImage warped;

    /**
     * @param motion from the previous input frame to {@code frame}
     * @param previousOutput the previous stylised frame
     * @param frame the current input frame
     */
    TemporalGuide(FrameMotion motion, BufferedImage previousOutput, BufferedImage frame) {
        this.motion = motion;
        this.previousOutput = previousOutput;
        this.frame = frame;
    }

    FrameMotion motion() {
        return motion;
    }

    /** The previous stylised frame warped into this one. */
    BufferedImage warped() {
        if (warped == null) {
            warped = motion.warp(previousOutput);
        }
        return warped;
    }

    /** The warped previous stylised frame where the warp holds, the input frame elsewhere. */
    BufferedImage start() {
        return motion.warpOver(previousOutput, frame);
    }
}
