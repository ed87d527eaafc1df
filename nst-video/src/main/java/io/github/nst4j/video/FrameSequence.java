package io.github.nst4j.video;

import io.github.nst4j.listener.IterationListener;
import io.github.nst4j.video.flow.FrameMotion;
import io.github.nst4j.video.flow.OpticalFlow;
import java.awt.image.BufferedImage;

/**
 * Consecutive frames of one clip being stylised: remembers the previous input and stylised frame,
 * measures the optical flow to each new frame and holds its result to the warped previous one.
 * Frames must come in order and at one size. Not thread-safe; close it to free the flow's memory.
 */
public final class FrameSequence implements AutoCloseable {
    private final FrameStylizer stylizer;
    private final boolean temporal;
    private final OpticalFlow flow;
    private BufferedImage previousInput;
    private BufferedImage previousOutput;

    FrameSequence(FrameStylizer stylizer, boolean temporal) {
        this.stylizer = stylizer;
        this.temporal = temporal;
        this.flow = temporal ? new OpticalFlow() : null;
    }

    /** Stylises the next frame without a listener. */
    public BufferedImage next(BufferedImage frame) {
        return next(frame, IterationListener.NONE);
    }

    /**
     * Stylises the next frame.
     *
     * @param frame the input frame, at the size the output should have
     * @param listener sees each optimisation step of a Gatys frame and may stop it
     * @return the stylised frame, or null if the listener stopped it (the sequence then stays where it
     *     was: the same frame may be given again)
     */
    public BufferedImage next(BufferedImage frame, IterationListener listener) {
        TemporalGuide guide = null;
        if (temporal && previousInput != null) {
            FrameMotion motion = FrameMotion.between(flow, previousInput, frame);
            guide = new TemporalGuide(motion, previousOutput, frame);
        }
        BufferedImage output = stylizer.stylize(frame, guide, listener);
        if (output != null) {
            previousInput = frame;
            previousOutput = output;
        }
        return output;
    }

    /**
     * Continues after a frame stylised earlier, as if {@link #next} had just returned
     * {@code stylised} for {@code input}: for resuming a clip from the frames already written.
     */
    public void continueAfter(BufferedImage input, BufferedImage stylised) {
        previousInput = input;
        previousOutput = stylised;
    }

    @Override
    public void close() {
        if (flow != null) {
            flow.close();
        }
    }
}
