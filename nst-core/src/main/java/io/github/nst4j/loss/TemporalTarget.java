package io.github.nst4j.loss;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What the temporal loss of a video frame compares the generated image with (Ruder, Dosovitskiy
 * and Brox, "Artistic style transfer for videos", 2016): the previous stylised frame warped into
 * this one along the optical flow, and where that warp can be trusted.
 *
 * @param warped {@code [1, 3, H, W]} RGB pixel tensor, the generated image's shape
 * @param mask {@code [1, 1, H, W]} weights in [0, 1]: 0 where the flow says the pixel was occluded
 *     or lies on a motion boundary, 1 where the warp holds
 * @param weight the term's weight; 0 leaves it out
 */
public record TemporalTarget(INDArray warped, INDArray mask, double weight) {
    public TemporalTarget {
        if (warped.rank() != 4 || warped.size(1) != 3 || mask.rank() != 4 || mask.size(1) != 1
                || warped.size(2) != mask.size(2) || warped.size(3) != mask.size(3)) {
            throw new IllegalArgumentException("The warped image must be [1, 3, H, W] and its mask [1, 1, H, W],"
                    + " got " + java.util.Arrays.toString(warped.shape()) + " and "
                    + java.util.Arrays.toString(mask.shape()));
        }
    }
}
