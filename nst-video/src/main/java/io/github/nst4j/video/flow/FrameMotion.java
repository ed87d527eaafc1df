package io.github.nst4j.video.flow;

import java.awt.image.BufferedImage;

/**
 * The motion from one frame of a clip to the next: the flow that warps anything aligned with the
 * previous frame into the current one, and where that warp holds ({@link Occlusions}).
 */
public final class FrameMotion {
    private final FlowField backward;
    private final float[] mask;

    private FrameMotion(FlowField backward, float[] mask) {
        this.backward = backward;
        this.mask = mask;
    }

    /** Measures the flows both ways between two consecutive frames of one size. */
    public static FrameMotion between(OpticalFlow flow, BufferedImage previous, BufferedImage current) {
        FlowField backward = flow.between(current, previous);
        FlowField forward = flow.between(previous, current);
        return new FrameMotion(backward, Occlusions.mask(backward, forward));
    }

    /** {@code picture}, aligned with the previous frame (its stylised version, say), moved into the current one. */
    public BufferedImage warp(BufferedImage picture) {
        return backward.warp(picture);
    }

    /**
     * {@code picture} moved into the current frame where the warp holds, and {@code fill}'s pixels
     * elsewhere: where the previous frame has nothing to say (disoccluded, or come in from outside),
     * the warp would only smear its border or the occluding object.
     */
    public BufferedImage warpOver(BufferedImage picture, BufferedImage fill) {
        BufferedImage warped = backward.warp(picture);
        for (int y = 0; y < height(); y++) {
            for (int x = 0; x < width(); x++) {
                if (!trusted(x, y)) {
                    warped.setRGB(x, y, fill.getRGB(x, y));
                }
            }
        }
        return warped;
    }

    /** Whether the warp holds at pixel {@code (x, y)} of the current frame. */
    public boolean trusted(int x, int y) {
        return mask[y * backward.width() + x] > 0;
    }

    /** The mask as a picture: white where the warp holds, black where not. */
    public BufferedImage maskImage() {
        int width = backward.width();
        int height = backward.height();
        int[] rgb = new int[width * height];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = mask[i] > 0 ? 0xFFFFFF : 0;
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, width, height, rgb, 0, width);
        return image;
    }

    /** The share of the current frame's pixels where the warp holds, 0 to 1. */
    public double trustedShare() {
        int count = 0;
        for (float weight : mask) {
            count += weight > 0 ? 1 : 0;
        }
        return (double) count / mask.length;
    }

    public int width() {
        return backward.width();
    }

    public int height() {
        return backward.height();
    }
}
