package io.github.nst4j.video;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nst4j.fast.FastStyleModel;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A fast network's frames blended with the warped previous output flicker less than the same
 * network's frames on their own: half as much at equal weights, were the flow perfect (the blend
 * halves every difference where it holds, and the squares fall to a quarter); at most 0.6 here.
 */
class FastFramesTest {
    @Test
    void blendingWithTheWarpedPreviousOutputReducesTheWarpingError() {
        List<BufferedImage> frames = TestClips.pannedFrames(5, 64, 48);
        FastStyleModel model = TestModels.responsive(3);

        double blended = WarpingErrors.mean(frames, stylise(frames, model, 1));
        double independent = WarpingErrors.mean(frames, stylise(frames, model, 0));

        assertThat(independent).isGreaterThan(1);
        assertThat(blended).isLessThan(0.6 * independent);
    }

    private static List<BufferedImage> stylise(List<BufferedImage> frames, FastStyleModel model, double weight) {
        List<BufferedImage> stylised = new ArrayList<>();
        try (FrameSequence sequence = VideoStyleTransfer.builder().model(model).temporalWeight(weight).build().sequence()) {
            for (BufferedImage frame : frames) {
                stylised.add(sequence.next(frame));
            }
        }
        return stylised;
    }
}
