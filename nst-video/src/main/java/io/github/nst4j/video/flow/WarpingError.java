package io.github.nst4j.video.flow;

import java.awt.image.BufferedImage;

/**
 * How much a stylised clip flickers: the mean squared difference, in 0-255 pixel units over the
 * three colours, between a stylised frame and the previous stylised frame warped into it, over the
 * pixels where the input frames' flow holds (the measure of Ruder et al. 2016).
 */
public final class WarpingError {
    private WarpingError() {
    }

    /**
     * @param motion the motion between the two input frames
     * @param previous the previous stylised frame
     * @param current the current stylised frame
     * @return the mean over trusted pixels, or NaN where none is trusted
     */
    public static double of(FrameMotion motion, BufferedImage previous, BufferedImage current) {
        BufferedImage warped = motion.warp(previous);
        double sum = 0;
        long count = 0;
        for (int y = 0; y < motion.height(); y++) {
            for (int x = 0; x < motion.width(); x++) {
                if (!motion.trusted(x, y)) {
                    continue;
                }
                int a = warped.getRGB(x, y);
                int b = current.getRGB(x, y);
                for (int shift = 16; shift >= 0; shift -= 8) {
                    int difference = (a >> shift & 0xFF) - (b >> shift & 0xFF);
                    sum += difference * difference;
                }
                count += 3;
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }
}
