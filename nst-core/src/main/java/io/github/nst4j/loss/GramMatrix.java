package io.github.nst4j.loss;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The normalised Gram matrix of one image's feature maps.
 *
 * <p>For activations {@code F} of shape {@code [1, C, H, W]}, reshaped to {@code [C, H·W]}:
 * {@code G = F·Fᵀ / (C·H·W)}, a {@code [C, C]} matrix. Dividing by {@code C·H·W} (as Johnson's
 * neural-style does) makes the style loss comparable across layers and image sizes.
 */
public final class GramMatrix {
    private GramMatrix() {
    }

    /**
     * Adds the Gram matrix of {@code features} to {@code sd}.
     *
     * @param channels C
     * @param height H
     * @param width W
     */
    public static SDVariable build(SameDiff sd, String name, SDVariable features, long channels,
            long height, long width) {
        SDVariable flat = features.reshape(channels, height * width);
        SDVariable product = sd.mmul(flat, flat, false, true, false);
        return product.div(name, (double) (channels * height * width));
    }
}
