package io.github.nst4j.video;

import io.github.nst4j.fast.FastStyleModel;
import io.github.nst4j.listener.IterationListener;
import java.awt.image.BufferedImage;

/**
 * Each frame through a fast style network, then blended with the warped previous output where the
 * flow holds: {@code (w·warped + stylised) / (w + 1)}, so that a feed-forward network's output,
 * which jumps with small changes of its input, is carried along with the scene.
 */
final class FastModelFrames implements FrameStylizer {
    private final FastStyleModel model;
    private final double blendWeight;

    FastModelFrames(FastStyleModel model, double blendWeight) {
        this.model = model;
        this.blendWeight = blendWeight;
    }

    @Override
    public BufferedImage stylize(BufferedImage frame, TemporalGuide guide, IterationListener listener) {
        BufferedImage stylised = model.stylize(frame);
        if (guide == null || blendWeight == 0) {
            return stylised;
        }
        int width = stylised.getWidth();
        int height = stylised.getHeight();
        int[] fresh = stylised.getRGB(0, 0, width, height, null, 0, width);
        int[] carried = guide.warped().getRGB(0, 0, width, height, null, 0, width);
        double share = blendWeight / (blendWeight + 1);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                if (guide.motion().trusted(x, y)) {
                    fresh[i] = blend(carried[i], fresh[i], share);
                }
            }
        }
        BufferedImage result = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        result.setRGB(0, 0, width, height, fresh, 0, width);
        return result;
    }

    private static int blend(int carried, int fresh, double share) {
        int result = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            double value = share * (carried >> shift & 0xFF) + (1 - share) * (fresh >> shift & 0xFF);
            result |= (int) Math.round(value) << shift;
        }
        return result;
    }
}
