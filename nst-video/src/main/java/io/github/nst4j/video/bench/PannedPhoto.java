package io.github.nst4j.video.bench;

import io.github.nst4j.image.Images;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * A clip made from a still photo by a camera move, for benchmarks and tests: a window over the
 * photo that moves right and down by 1% and 0.5% of its width per frame and narrows by 1% per frame.
 * Its optical flow is smooth and known to be there everywhere.
 */
public final class PannedPhoto {
    private PannedPhoto() {
    }

    /**
     * {@code count} frames of {@code width x height}. The photo is first shrunk (stepwise, without
     * aliasing) to 1.5 times the frame size, and each frame is drawn from it with sub-pixel
     * precision, so that the motion is smooth.
     */
    public static List<BufferedImage> frames(BufferedImage photo, int count, int width, int height) {
        BufferedImage base = Images.resize(Images.cropToAspect(photo, width, height),
                (int) Math.round(width * 1.5), (int) Math.round(height * 1.5));
        List<BufferedImage> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double window = 0.7 * Math.pow(0.99, i) * base.getWidth();
            double scale = width / window;
            AffineTransform transform = AffineTransform.getScaleInstance(scale, scale);
            transform.translate(-base.getWidth() * 0.01 * i, -base.getWidth() * 0.005 * i);
            BufferedImage frame = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
            Graphics2D graphics = frame.createGraphics();
            try {
                graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
                graphics.drawImage(base, transform, null);
            } finally {
                graphics.dispose();
            }
            frames.add(frame);
        }
        return frames;
    }
}
