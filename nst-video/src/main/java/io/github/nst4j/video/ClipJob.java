package io.github.nst4j.video;

import io.github.nst4j.image.ImageWriter;
import io.github.nst4j.image.Images;
import io.github.nst4j.video.io.Clips;
import io.github.nst4j.video.io.FramePattern;
import io.github.nst4j.video.io.FrameReader;
import io.github.nst4j.video.io.VideoEncoder;
import io.github.nst4j.video.io.VideoException;
import io.github.nst4j.video.io.VideoFormat;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A whole clip stylised into a video file or a frame folder: the frames go one by one through a
 * {@link FrameSequence}, each written as a PNG as soon as it is done (for a video file, into a work
 * folder beside it, {@code OUTPUT.frames}); when all are done a video is encoded at the input's
 * frame rate with its sound, and the work folder removed. A job stopped between frames keeps the
 * frames done, and one made with {@code resume} continues after the last of them, if its
 * {@linkplain Request#settings() settings} are those the frames were made with.
 *
 * <p>{@link #open} checks the input and the output before any frame is stylised.
 */
public final class ClipJob {
    private final VideoStyleTransfer transfer;
    private final Path input;
    private final Path output;
    private final FramePattern frames;
    private final boolean toVideo;
    private final VideoFormat format;
    private final VideoFormat outputFormat;
    private final int done;

    private ClipJob(VideoStyleTransfer transfer, Path input, Path output, FramePattern frames, boolean toVideo,
            VideoFormat format, VideoFormat outputFormat, int done) {
        this.transfer = transfer;
        this.input = input;
        this.output = output;
        this.frames = frames;
        this.toVideo = toVideo;
        this.format = format;
        this.outputFormat = outputFormat;
        this.done = done;
    }

    /**
     * What a job reads and writes, and how its frames are made.
     *
     * @param settings what the frames depend on, by name (such as command-line options) and value:
     *     recorded beside the frames, and compared when a job resumes them
     */
    public record Request(Path input, Path output, int size, double folderFrameRate, boolean resume,
            Map<String, String> settings) {
        public Request {
            settings = Map.copyOf(settings);
        }

        /** A request with no settings to record: its frames resume under any. */
        public Request(Path input, Path output, int size, double folderFrameRate, boolean resume) {
            this(input, output, size, folderFrameRate, resume, Map.of());
        }
    }

    /**
     * Opens the input, reads its format and checks that the output can be written.
     *
     * @param request the input clip or frame folder; the output video ({@link VideoEncoder#writableExtensions()})
     *     or frame folder ({@code folder/%05d.png}, or an existing folder); the output's long side
     *     (0: the input's); the frame rate of an input frame folder; whether to continue an interrupted
     *     job's frames
     * @throws VideoException naming the problem: an input that is no readable clip or has no video, an
     *     output that cannot be written, frames of an earlier job without {@code resume} or with
     *     other settings
     */
    public static ClipJob open(VideoStyleTransfer transfer, Request request) {
        VideoFormat format;
        try (FrameReader reader = Clips.open(request.input(), request.folderFrameRate())) {
            format = reader.format();
        }
        Path output = request.output();
        boolean toVideo = !FramePattern.isFrames(output);
        if (toVideo && !VideoEncoder.canWrite(output)) {
            throw new VideoException("Cannot write " + output + ": name the output " + VideoEncoder.writableExtensions()
                    + ", or a frame folder such as out/%05d.png");
        }
        FramePattern frames = toVideo ? FramePattern.of(workFolder(output).resolve("%05d.png")) : FramePattern.of(output);
        checkWritable(output, frames, toVideo);
        int done = frames.countFromFirst();
        if (done > 0 && !request.resume()) {
            throw new VideoException(frames.folder() + " already holds " + done + " stylised frame"
                    + (done == 1 ? "" : "s") + "; add --resume to continue after them, or remove them to start over");
        }
        if (done > 0) {
            JobSettings.check(frames.folder(), request.settings());
        } else {
            JobSettings.record(frames.folder(), request.settings());
        }
        return new ClipJob(transfer, request.input(), output, frames, toVideo, format,
                outputFormat(format, request.size(), toVideo), done);
    }

    /** The input's format. */
    public VideoFormat inputFormat() {
        return format;
    }

    /** The output's frame size, rate and count. */
    public VideoFormat outputFormat() {
        return outputFormat;
    }

    /** Frames an interrupted job left, which this one keeps. */
    public int framesDone() {
        return done;
    }

    /**
     * Stylises the frames not yet done, then writes the video.
     *
     * @return the frames done in all, or fewer than the clip's if the listener stopped the job
     * @throws VideoException if a frame cannot be decoded or written, or the video cannot be encoded
     */
    public int run(ClipListener listener) {
        int number = 0;
        try (FrameReader reader = Clips.open(input, format.frameRate()); FrameSequence sequence = transfer.sequence()) {
            BufferedImage frame;
            while ((frame = reader.next()) != null) {
                number++;
                if (number < done) {
                    continue;
                }
                BufferedImage sized = sized(frame);
                if (number == done) {
                    sequence.continueAfter(sized, Images.read(frames.file(number)));
                    continue;
                }
                if (listener.stopRequested()) {
                    return number - 1;
                }
                int total = Math.max(format.frameCount(), number);
                long start = System.nanoTime();
                BufferedImage stylised = sequence.next(sized, listener.frameStarted(number, total));
                if (stylised == null) {
                    return number - 1;
                }
                ImageWriter.write(stylised, frames.file(number));
                listener.frameDone(number, total, (System.nanoTime() - start) / 1e9);
            }
        }
        if (number == 0) {
            throw new VideoException(input + " has no frames to decode; the file is damaged or empty");
        }
        if (toVideo) {
            listener.encoding(number);
            VideoEncoder.encode(frames, number, outputFormat, format.hasAudio() ? input : null, output);
            deleteWorkFolder();
        }
        return number;
    }

    private BufferedImage sized(BufferedImage frame) {
        return frame.getWidth() == outputFormat.width() && frame.getHeight() == outputFormat.height() ? frame
                : Images.resize(frame, outputFormat.width(), outputFormat.height());
    }

    /**
     * The input's format at the output's long side; a video's sides rounded down to even numbers,
     * as its 4:2:0 colour needs.
     */
    private static VideoFormat outputFormat(VideoFormat format, int size, boolean toVideo) {
        double scale = size > 0 ? (double) size / Math.max(format.width(), format.height()) : 1;
        int width = (int) Math.round(format.width() * scale);
        int height = (int) Math.round(format.height() * scale);
        if (toVideo) {
            width -= width % 2;
            height -= height % 2;
        }
        return new VideoFormat(width, height, format.frameRate(), format.frameCount(), format.audioChannels(),
                format.sampleRate());
    }

    private static Path workFolder(Path output) {
        return output.resolveSibling(output.getFileName() + ".frames");
    }

    private static void checkWritable(Path output, FramePattern frames, boolean toVideo) {
        Path parent = output.toAbsolutePath().getParent();
        if (toVideo && (Files.isDirectory(output) || Files.exists(output) && !Files.isWritable(output))) {
            throw new VideoException("Cannot write " + output + ": it is a folder or read-only; choose another output");
        }
        if (toVideo && (parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent))) {
            throw new VideoException("Cannot write " + output + ": the folder " + parent
                    + " does not exist or is read-only; choose another output");
        }
        try {
            Files.createDirectories(frames.folder());
        } catch (IOException e) {
            throw new VideoException("Cannot create the folder " + frames.folder() + " for the frames (" + e
                    + "); choose another output", e);
        }
        if (!Files.isWritable(frames.folder())) {
            throw new VideoException("Cannot write frames into " + frames.folder() + ": it is read-only; choose another output");
        }
    }

    private void deleteWorkFolder() {
        try (Stream<Path> files = Files.walk(frames.folder())) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new VideoException("Wrote " + output + " but cannot remove the work folder " + frames.folder()
                    + " (" + e.getMessage() + "); delete it by hand", e);
        }
    }
}
