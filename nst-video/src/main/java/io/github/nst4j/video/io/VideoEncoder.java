package io.github.nst4j.video.io;

import io.github.nst4j.image.Images;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.FrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Encodes numbered frames into a video file with FFmpeg: H.264 (MPEG-4 Part 2 where the build has
 * no H.264 encoder) in MP4, MOV or Matroska, at the source's frame rate, with the source's sound
 * re-encoded as AAC. The file appears only when complete (written under a temporary name, then moved).
 */
public final class VideoEncoder {
    /** Containers by file extension: FFmpeg's muxer names. */
    private static final Map<String, String> CONTAINERS = Map.of("mp4", "mp4", "m4v", "mp4", "mov", "mov",
            "mkv", "matroska");
    /** Bits per pixel and frame: stylised frames are all texture and need more than camera footage. */
    private static final double BITS_PER_PIXEL = 0.3;

    private VideoEncoder() {
    }

    /** Whether {@code file} is a video this class can write (by extension). */
    public static boolean canWrite(Path file) {
        return CONTAINERS.containsKey(extension(file));
    }

    /** The extensions {@link #canWrite} accepts, for messages. */
    public static String writableExtensions() {
        return ".mp4, .m4v, .mov or .mkv";
    }

    /**
     * Writes frames {@code 1..count} of {@code frames} to {@code output}.
     *
     * @param format frame size and rate of the output; its audio settings are those of {@code soundSource}
     * @param soundSource the clip whose audio track is copied in (re-encoded), or null for none
     * @throws VideoException if FFmpeg cannot write the file
     */
    public static void encode(FramePattern frames, int count, VideoFormat format, Path soundSource, Path output) {
        FFmpegLog.silence();
        Path temp = output.resolveSibling("." + output.getFileName() + ".part");
        try {
            write(frames, count, format, soundSource, temp, CONTAINERS.get(extension(output)));
            Files.move(temp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new VideoException("Cannot write " + output + " (" + VideoFileReader.firstLine(e) + ")", e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // Left behind under a hidden name; the output itself is complete or absent.
            }
        }
    }

    private static void write(FramePattern frames, int count, VideoFormat format, Path soundSource, Path file,
            String container) throws IOException {
        boolean withSound = soundSource != null && format.hasAudio();
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), format.width(), format.height(),
                withSound ? format.audioChannels() : 0);
                Java2DFrameConverter converter = new Java2DFrameConverter()) {
            recorder.setFormat(container);
            boolean h264 = avcodec.avcodec_find_encoder(avcodec.AV_CODEC_ID_H264) != null;
            recorder.setVideoCodec(h264 ? avcodec.AV_CODEC_ID_H264 : avcodec.AV_CODEC_ID_MPEG4);
            recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(format.frameRate());
            recorder.setVideoBitrate((int) Math.min(Integer.MAX_VALUE,
                    BITS_PER_PIXEL * format.width() * format.height() * format.frameRate()));
            recorder.setGopSize((int) Math.max(1, Math.round(format.frameRate() * 2)));
            if (withSound) {
                recorder.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
                recorder.setSampleRate(format.sampleRate());
                recorder.setAudioBitrate(192_000);
            }
            recorder.start();
            int written = 0;
            if (withSound) {
                written = interleave(recorder, converter, frames, count, soundSource);
            }
            for (int number = written + 1; number <= count; number++) {
                recorder.record(converter.convert(bgr(Images.read(frames.file(number)))));
            }
            recorder.stop();
        }
    }

    /**
     * Records the source's sound with the frames in between, in the order the source has them, so
     * that the muxer gets both streams interleaved; returns how many frames were recorded.
     */
    private static int interleave(FFmpegFrameRecorder recorder, Java2DFrameConverter converter, FramePattern frames,
            int count, Path soundSource) throws FrameGrabber.Exception, FrameRecorder.Exception {
        int written = 0;
        try (FFmpegFrameGrabber source = new FFmpegFrameGrabber(soundSource.toFile())) {
            source.start();
            Frame frame;
            while ((frame = source.grabFrame(true, true, true, false, false)) != null) {
                if (frame.image != null && written < count) {
                    written++;
                    recorder.record(converter.convert(bgr(Images.read(frames.file(written)))));
                } else if (frame.samples != null) {
                    recorder.recordSamples(frame.sampleRate, frame.audioChannels, frame.samples);
                }
            }
        }
        return written;
    }

    /** The layout FFmpeg's BGR24 input takes without a conversion step of its own. */
    private static BufferedImage bgr(BufferedImage image) {
        BufferedImage bgr = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D graphics = bgr.createGraphics();
        try {
            graphics.drawImage(image, 0, 0, null);
        } finally {
            graphics.dispose();
        }
        return bgr;
    }

    private static String extension(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
