package io.github.nst4j.video.io;

import java.awt.image.BufferedImage;

/** The frames of a clip, first to last, each a new RGB image the caller owns. */
public interface FrameReader extends AutoCloseable {
    /** The clip's format, known before the first frame is read. */
    VideoFormat format();

    /**
     * The next frame, or null after the last.
     *
     * @throws VideoException if the clip turns out to be damaged
     */
    BufferedImage next();

    @Override
    void close();
}
