package io.github.nst4j;

import io.github.nst4j.image.Images;
import io.github.nst4j.image.PixelTensors;
import io.github.nst4j.loss.TemporalTarget;
import java.awt.image.BufferedImage;

/**
 * The temporal target of a video frame as given to {@link StyleTransferBuilder#temporalTarget}: the
 * warped previous stylised frame, its mask (white where the warp holds) and the term's weight.
 */
record TemporalImages(BufferedImage warped, BufferedImage mask, double weight) {
    /** The target at a pyramid level's size, both images centre-cropped to its shape and resized. */
    TemporalTarget at(int width, int height) {
        BufferedImage shapedWarp = Images.resize(Images.cropToAspect(warped, width, height), width, height);
        BufferedImage shapedMask = Images.resize(Images.cropToAspect(mask, width, height), width, height);
        return new TemporalTarget(PixelTensors.fromImage(shapedWarp),
                PixelTensors.maskFromImage(shapedMask).reshape(1, 1, height, width), weight);
    }
}
