package io.github.nst4j.video;

import io.github.nst4j.video.flow.FrameMotion;
import io.github.nst4j.video.flow.OpticalFlow;
import io.github.nst4j.video.flow.WarpingError;
import java.awt.image.BufferedImage;
import java.util.List;

/** The mean warping error of a stylised clip over its consecutive frames, the flow taken from the input frames. */
final class WarpingErrors {
    private WarpingErrors() {
    }

    static double mean(List<BufferedImage> inputs, List<BufferedImage> stylised) {
        double sum = 0;
        try (OpticalFlow flow = new OpticalFlow()) {
            for (int i = 1; i < inputs.size(); i++) {
                FrameMotion motion = FrameMotion.between(flow, inputs.get(i - 1), inputs.get(i));
                sum += WarpingError.of(motion, stylised.get(i - 1), stylised.get(i));
            }
        }
        return sum / (inputs.size() - 1);
    }
}
