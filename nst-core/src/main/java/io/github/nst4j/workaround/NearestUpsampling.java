package io.github.nst4j.workaround;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Nearest-neighbour x2 upsampling of a channels-last {@code [N, H, W, C]} array.
 *
 * <p>SameDiff's {@code upsampling2d} upsamples channels-last arrays right, but its gradient for them
 * is wrong (its {@code upsampling2d_bp} reads the gradient as channels first). The array is therefore
 * upsampled channels first, between two permutations.
 */
public final class NearestUpsampling {
    private NearestUpsampling() {
    }

    /** Adds the upsampled array, {@code [N, 2H, 2W, C]}, each input element repeated over a 2x2 block. */
    public static SDVariable apply(SameDiff sd, SDVariable x) {
        return sd.cnn().upsampling2d(x.permute(0, 3, 1, 2), 2, 2, true).permute(0, 2, 3, 1);
    }
}
