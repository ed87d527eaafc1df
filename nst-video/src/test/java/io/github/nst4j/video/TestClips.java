package io.github.nst4j.video;

import io.github.nst4j.image.Images;
import io.github.nst4j.video.bench.PannedPhoto;
import java.awt.image.BufferedImage;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Clips for the tests: a repository photo panned and zoomed (a camera move whose optical flow is
 * known to be smooth), encoded with the FFmpeg of the dependency.
 */
public final class TestClips {
    /** The repository photo the clips are cut from. */
    public static final Path PHOTO = Path.of("../nst-examples/images/content/tubingen.jpg");
    public static final double FRAME_RATE = 24;
    public static final int SAMPLE_RATE = 44_100;

    private TestClips() {
    }

    /** {@code count} frames of the photo panned and zoomed (see {@link PannedPhoto}). */
    public static List<BufferedImage> pannedFrames(int count, int width, int height) {
        return PannedPhoto.frames(Images.read(PHOTO), count, width, height);
    }

    /** Encodes the frames as H.264 MP4 at {@link #FRAME_RATE}, with a 440 Hz tone if {@code withSound}. */
    public static Path encode(List<BufferedImage> frames, Path file, boolean withSound) throws Exception {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        int width = frames.get(0).getWidth();
        int height = frames.get(0).getHeight();
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), width, height, withSound ? 1 : 0);
                Java2DFrameConverter converter = new Java2DFrameConverter()) {
            recorder.setFormat("mp4");
            recorder.setVideoCodec(avcodec.AV_CODEC_ID_H264);
            recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(FRAME_RATE);
            recorder.setVideoBitrate(4_000_000);
            if (withSound) {
                recorder.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
                recorder.setSampleRate(SAMPLE_RATE);
            }
            recorder.start();
            int samplesPerFrame = (int) (SAMPLE_RATE / FRAME_RATE);
            for (int i = 0; i < frames.size(); i++) {
                recorder.record(converter.convert(frames.get(i)));
                if (withSound) {
                    recorder.recordSamples(SAMPLE_RATE, 1, tone(i * samplesPerFrame, samplesPerFrame));
                }
            }
            recorder.stop();
        }
        return file;
    }

    /** A clip of sound alone: {@code seconds} of a 440 Hz tone in an MP4 (M4A) file, no video stream. */
    public static Path encodeSoundOnly(Path file, int seconds) throws Exception {
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), 1)) {
            recorder.setFormat("mp4");
            recorder.setAudioCodec(avcodec.AV_CODEC_ID_AAC);
            recorder.setSampleRate(SAMPLE_RATE);
            recorder.start();
            recorder.recordSamples(SAMPLE_RATE, 1, tone(0, SAMPLE_RATE * seconds));
            recorder.stop();
        }
        return file;
    }

    private static ShortBuffer tone(int start, int length) {
        short[] samples = new short[length];
        for (int i = 0; i < length; i++) {
            samples[i] = (short) (8000 * Math.sin(2 * Math.PI * 440 * (start + i) / SAMPLE_RATE));
        }
        return ShortBuffer.wrap(samples);
    }
}
