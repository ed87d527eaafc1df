package io.github.nst4j.tile;

/** Told after each window of a pass over an image's tiles; it may end the pass by throwing. */
@FunctionalInterface
public interface WindowProgress {
    WindowProgress NONE = (done, total) -> { };

    /** {@code done} of {@code total} windows are finished. */
    void windowDone(int done, int total);
}
