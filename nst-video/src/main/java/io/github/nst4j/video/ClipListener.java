package io.github.nst4j.video;

import io.github.nst4j.listener.IterationListener;

/** Follows a {@link ClipJob}: each frame as it starts and ends, and the final encoding. */
public interface ClipListener {
    /** Follows nothing. */
    ClipListener NONE = new ClipListener() {
    };

    /**
     * Frame {@code number} (from 1) of about {@code total} is about to be stylised.
     *
     * @return what sees the frame's optimisation steps, and may stop them (the frame is then dropped
     *     and the job stops after the frames before it)
     */
    default IterationListener frameStarted(int number, int total) {
        return IterationListener.NONE;
    }

    /** Frame {@code number} is stylised and written; {@code seconds} it took. */
    default void frameDone(int number, int total, double seconds) {
    }

    /** Asked between frames: true ends the job after the frames done. */
    default boolean stopRequested() {
        return false;
    }

    /** All frames are done; the video file is being written. */
    default void encoding(int frames) {
    }
}
