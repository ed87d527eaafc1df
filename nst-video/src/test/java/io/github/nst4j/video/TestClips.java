package io.github.nst4j.video;

import io.github.nst4j.image.Images;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.ShortBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
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

    /**
     * {@code count} frames of {@code width x height}: a window over the photo that moves right and
     * down by 1% and 0.5% of its width per frame and narrows by 1% per frame. The photo is first
     * shrunk (stepwise, without aliasing) to 1.5 times the frame width, and each frame is drawn from
     * it with sub-pixel precision, so that the motion is smooth.
     */
    public static List<BufferedImage> pannedFrames(int count, int width, int height) {
        BufferedImage photo = Images.resize(Images.cropToAspect(Images.read(PHOTO), width, height),
                (int) Math.round(width * 1.5), (int) Math.round(height * 1.5));
        List<BufferedImage> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double window = 0.7 * Math.pow(0.99, i) * photo.getWidth();
            double scale = width / window;
            AffineTransform transform = AffineTransform.getScaleInstance(scale, scale);
            transform.translate(-photo.getWidth() * 0.01 * i, -photo.getWidth() * 0.005 * i);
            BufferedImage frame = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D graphics = frame.createGraphics();
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            graphics.drawImage(photo, transform, null);
            graphics.dispose();
            frames.add(frame);
        }
        return frames;
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

    private static ShortBuffer tone(int start, int length) {
        short[] samples = new short[length];
        for (int i = 0; i < length; i++) {
            samples[i] = (short) (8000 * Math.sin(2 * Math.PI * 440 * (start + i) / SAMPLE_RATE));
        }
        return ShortBuffer.wrap(samples);
    }
}
