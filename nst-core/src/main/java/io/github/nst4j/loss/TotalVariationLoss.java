package io.github.nst4j.loss;

import io.github.nst4j.workaround.SquaredDistance;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Total-variation loss, a smoothness prior on the generated image {@code x} of shape
 * {@code [1, C, H, W]}:
 * {@code L = ½ (Σ (x[h, w+1] − x[h, w])² + Σ (x[h+1, w] − x[h, w])²)}, summed over all channels and
 * all horizontal and vertical neighbour pairs. This is the loss whose gradient Johnson's
 * neural-style applies, so its TV weight carries over.
 */
public final class TotalVariationLoss {
    private TotalVariationLoss() {
    }

    /** Adds the loss to {@code sd}. */
    public static SDVariable build(SameDiff sd, String name, SDVariable image, long height, long width) {
        SDIndex all = SDIndex.all();
        SDVariable right = image.get(all, all, all, SDIndex.interval(1L, width));
        SDVariable left = image.get(all, all, all, SDIndex.interval(0L, width - 1));
        SDVariable lower = image.get(all, all, SDIndex.interval(1L, height), all);
        SDVariable upper = image.get(all, all, SDIndex.interval(0L, height - 1), all);
        SDVariable horizontal = SquaredDistance.apply(sd, right, left, 0.5);
        SDVariable vertical = SquaredDistance.apply(sd, lower, upper, 0.5);
        return horizontal.add(name, vertical);
    }
}
