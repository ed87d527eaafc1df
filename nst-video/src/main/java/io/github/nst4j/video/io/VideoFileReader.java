package io.github.nst4j.video.io;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.Java2DFrameConverter;

/** The video frames of a clip, decoded by FFmpeg (any container and codec its build reads). */
final class VideoFileReader implements FrameReader {
    private final Path file;
    private final FFmpegFrameGrabber grabber;
    private final Java2DFrameConverter converter = new Java2DFrameConverter();
    private final VideoFormat format;

    /**
     * Opens the clip and reads its format.
     *
     * @throws VideoException if FFmpeg cannot open it or it has no video stream
     */
    VideoFileReader(Path file) {
        FFmpegLog.silence();
        this.file = file;
        this.grabber = new FFmpegFrameGrabber(file.toFile());
        try {
            grabber.start();
        } catch (FrameGrabber.Exception e) {
            closeQuietly();
            throw new VideoException("Cannot read " + file + " as a video (FFmpeg: " + firstLine(e)
                    + "); give a video file such as MP4, MKV, MOV, WebM or AVI, or a folder of frames");
        }
        if (!grabber.hasVideo() || grabber.getImageWidth() <= 0 || grabber.getImageHeight() <= 0) {
            closeQuietly();
            throw new VideoException(file + " has no video stream (audio only?); give a clip with pictures");
        }
        double frameRate = grabber.getVideoFrameRate() > 0 ? grabber.getVideoFrameRate() : grabber.getFrameRate();
        this.format = new VideoFormat(grabber.getImageWidth(), grabber.getImageHeight(), frameRate,
                Math.max(grabber.getLengthInVideoFrames(), 0), grabber.hasAudio() ? grabber.getAudioChannels() : 0,
                grabber.hasAudio() ? grabber.getSampleRate() : 0);
    }

    @Override
    public VideoFormat format() {
        return format;
    }

    @Override
    public BufferedImage next() {
        try {
            Frame frame = grabber.grabImage();
            // The converter reuses its image between frames: the caller gets a copy of its own.
            return frame == null ? null : Frames.copyRgb(converter.convert(frame));
        } catch (FrameGrabber.Exception e) {
            throw new VideoException("Cannot decode a frame of " + file + " (FFmpeg: " + firstLine(e)
                    + "); the file is damaged", e);
        }
    }

    @Override
    public void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        try {
            grabber.close();
        } catch (FrameGrabber.Exception e) {
            // Nothing was written; a failure to release the decoder changes no result.
        }
        converter.close();
    }

    static String firstLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
