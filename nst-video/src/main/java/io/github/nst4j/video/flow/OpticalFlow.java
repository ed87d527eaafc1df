package io.github.nst4j.video.flow;

import java.awt.image.BufferedImage;
import java.nio.FloatBuffer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_video.DISOpticalFlow;

/**
 * Dense optical flow between two frames by OpenCV's DIS (Kroeger et al., "Fast Optical Flow using
 * Dense Inverse Search", ECCV 2016) at its medium preset, on the frames' luminance. One instance
 * serves one thread; close it to free OpenCV's memory.
 */
public final class OpticalFlow implements AutoCloseable {
    private final DISOpticalFlow dis = DISOpticalFlow.create(DISOpticalFlow.PRESET_MEDIUM);

    /**
     * The flow from {@code from} to {@code to}: where each pixel of {@code from} is seen in {@code to}.
     *
     * @throws IllegalArgumentException if the frames differ in size
     */
    public FlowField between(BufferedImage from, BufferedImage to) {
        int width = from.getWidth();
        int height = from.getHeight();
        if (to.getWidth() != width || to.getHeight() != height) {
            throw new IllegalArgumentException("Frames of different sizes: " + width + "x" + height + " and "
                    + to.getWidth() + "x" + to.getHeight());
        }
        try (Mat first = luminance(from); Mat second = luminance(to); Mat flow = new Mat()) {
            dis.calc(first, second, flow);
            float[] interleaved = new float[2 * width * height];
            FloatBuffer buffer = flow.createBuffer();
            buffer.get(interleaved);
            float[] dx = new float[width * height];
            float[] dy = new float[width * height];
            for (int i = 0; i < dx.length; i++) {
                dx[i] = interleaved[2 * i];
                dy[i] = interleaved[2 * i + 1];
            }
            return new FlowField(width, height, dx, dy);
        }
    }

    /** The 8-bit grey picture DIS works on (Rec. 601 luma). */
    private static Mat luminance(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int[] rgb = image.getRGB(0, 0, width, height, null, 0, width);
        byte[] gray = new byte[rgb.length];
        for (int i = 0; i < rgb.length; i++) {
            int pixel = rgb[i];
            gray[i] = (byte) Math.round(0.299 * (pixel >> 16 & 0xFF) + 0.587 * (pixel >> 8 & 0xFF) + 0.114 * (pixel & 0xFF));
        }
        Mat mat = new Mat(height, width, opencv_core.CV_8UC1);
        mat.data().put(gray);
        return mat;
    }

    @Override
    public void close() {
        dis.close();
    }
}
