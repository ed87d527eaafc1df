package io.github.nst4j.video.flow;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nst4j.video.TestClips;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlowTest {
    private static final int WIDTH = 24;
    private static final int HEIGHT = 16;

    @Test
    void aWholePixelShiftWarpsExactly() {
        BufferedImage image = TestClips.pannedFrames(1, WIDTH, HEIGHT).get(0);
        FlowField shift = uniform(2, 1);
        BufferedImage warped = shift.warp(image);
        for (int y = 0; y < HEIGHT - 1; y++) {
            for (int x = 0; x < WIDTH - 2; x++) {
                assertThat(warped.getRGB(x, y)).isEqualTo(image.getRGB(x + 2, y + 1));
            }
        }
    }

    @Test
    void consistentFlowsAreTrustedExceptWhereThePixelCameFromOutside() {
        float[] mask = Occlusions.mask(uniform(-3, 0), uniform(3, 0));
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                assertThat(mask[y * WIDTH + x]).as("(%d, %d)", x, y).isEqualTo(x >= 3 ? 1f : 0f);
            }
        }
    }

    @Test
    void flowsThatDisagreeAreNotTrusted() {
        float[] mask = Occlusions.mask(uniform(-3, 0), uniform(0, 0));
        assertThat(mask).containsOnly(0f);
    }

    @Test
    void aMotionBoundaryIsNotTrusted() {
        // The left half stands still, the right half moves 4 px right: a boundary at x = 12.
        float[] dx = new float[WIDTH * HEIGHT];
        for (int i = 0; i < dx.length; i++) {
            dx[i] = i % WIDTH >= WIDTH / 2 ? -4 : 0;
        }
        FlowField backward = new FlowField(WIDTH, HEIGHT, dx, new float[WIDTH * HEIGHT]);
        float[] forth = dx.clone();
        for (int i = 0; i < forth.length; i++) {
            forth[i] = i % WIDTH >= WIDTH / 2 - 4 ? 4 : 0;
        }
        float[] mask = Occlusions.mask(backward, new FlowField(WIDTH, HEIGHT, forth, new float[WIDTH * HEIGHT]));
        int row = HEIGHT / 2 * WIDTH;
        assertThat(mask[row + WIDTH / 2 - 1]).isZero();
        assertThat(mask[row + WIDTH / 2]).isZero();
        assertThat(mask[row + 2]).isEqualTo(1f);
        assertThat(mask[row + WIDTH - 2]).isEqualTo(1f);
    }

    /**
     * On the panned and zoomed photo, DIS's flow brings the previous frame into the current one:
     * most pixels are trusted, and there the warped previous frame is much closer to the current one
     * than the previous frame itself.
     */
    @Test
    void disFlowFollowsACameraMove() {
        List<BufferedImage> frames = TestClips.pannedFrames(2, 128, 96);
        try (OpticalFlow flow = new OpticalFlow()) {
            FrameMotion motion = FrameMotion.between(flow, frames.get(0), frames.get(1));
            assertThat(motion.trustedShare()).isGreaterThan(0.7);
            double warped = WarpingError.of(motion, frames.get(0), frames.get(1));
            assertThat(warped).isLessThan(unwarpedError(motion, frames.get(0), frames.get(1)) / 3);
        }
    }

    /** The warping error's sum without the warp: the frames compared pixel by pixel, where the flow holds. */
    private static double unwarpedError(FrameMotion motion, BufferedImage previous, BufferedImage current) {
        double sum = 0;
        int count = 0;
        for (int y = 0; y < motion.height(); y++) {
            for (int x = 0; x < motion.width(); x++) {
                if (motion.trusted(x, y)) {
                    for (int shift = 16; shift >= 0; shift -= 8) {
                        int difference = (previous.getRGB(x, y) >> shift & 0xFF) - (current.getRGB(x, y) >> shift & 0xFF);
                        sum += difference * difference;
                        count++;
                    }
                }
            }
        }
        return sum / count;
    }

    private static FlowField uniform(float dx, float dy) {
        float[] x = new float[WIDTH * HEIGHT];
        float[] y = new float[WIDTH * HEIGHT];
        Arrays.fill(x, dx);
        Arrays.fill(y, dy);
        return new FlowField(WIDTH, HEIGHT, x, y);
    }
}
