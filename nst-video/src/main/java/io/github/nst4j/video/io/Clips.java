package io.github.nst4j.video.io;

import java.nio.file.Files;
import java.nio.file.Path;

/** Opens a clip: a video file through FFmpeg, or numbered frame files (see {@link FramePattern}). */
public final class Clips {
    private Clips() {
    }

    /**
     * Opens {@code path} and reads its format; frames are decoded one at a time as they are asked for.
     *
     * @param frameRate frames per second of a frame folder (a video file has its own)
     * @throws VideoException if it does not exist, cannot be read as a clip or has no video
     */
    public static FrameReader open(Path path, double frameRate) {
        if (FramePattern.isFrames(path)) {
            return new FrameFolderReader(FramePattern.of(path), frameRate);
        }
        if (!Files.isRegularFile(path)) {
            throw new VideoException("No such file: " + path);
        }
        return new VideoFileReader(path);
    }
}
