package io.github.nst4j.video.io;

import io.github.nst4j.image.Images;
import java.awt.image.BufferedImage;

/** The frames of a numbered image sequence ({@link FramePattern}), at a frame rate given by the caller. */
final class FrameFolderReader implements FrameReader {
    private final FramePattern pattern;
    private final VideoFormat format;
    private int read;

    /**
     * @throws VideoException if there is no first frame
     */
    FrameFolderReader(FramePattern pattern, double frameRate) {
        this.pattern = pattern;
        int count = pattern.countFromFirst();
        if (count == 0) {
            throw new VideoException("No frame " + pattern.file(1) + "; frames are numbered from 1 ("
                    + pattern.file(1).getFileName() + ", " + pattern.file(2).getFileName() + ", ...)");
        }
        BufferedImage first = Images.read(pattern.file(1));
        this.format = new VideoFormat(first.getWidth(), first.getHeight(), frameRate, count, 0, 0);
    }

    @Override
    public VideoFormat format() {
        return format;
    }

    @Override
    public BufferedImage next() {
        if (read >= format.frameCount()) {
            return null;
        }
        read++;
        BufferedImage frame = Frames.copyRgb(Images.read(pattern.file(read)));
        if (frame.getWidth() != format.width() || frame.getHeight() != format.height()) {
            throw new VideoException(pattern.file(read) + " is " + frame.getWidth() + "x" + frame.getHeight()
                    + " px, the first frame " + format.width() + "x" + format.height() + "; give frames of one size");
        }
        return frame;
    }

    @Override
    public void close() {
        // Each frame file is closed as soon as it is read.
    }
}
