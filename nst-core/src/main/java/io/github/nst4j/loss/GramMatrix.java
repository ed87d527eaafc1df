package io.github.nst4j.loss;

import io.github.nst4j.workaround.GramProduct;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The normalised Gram matrix of one image's feature maps.
 *
 * <p>For channels-last activations {@code F} of shape {@code [1, H, W, C]} (as
 * {@link io.github.nst4j.network.FeatureNetwork#build} gives them), viewed as {@code [H·W, C]}:
 * {@code G = Fᵀ·F / (C·H·W)}, a {@code [C, C]} matrix. Dividing by {@code C·H·W} (as Johnson's
 * neural-style does) makes the style loss comparable across layers and image sizes.
 */
public final class GramMatrix {
    private GramMatrix() {
    }

    /**
     * Adds the Gram matrix of {@code features}, {@code [1, H, W, C]}, to {@code sd}.
     *
     * @param channels C
     * @param height H
     * @param width W
     */
    public static SDVariable build(SameDiff sd, String name, SDVariable features, long channels,
            long height, long width) {
        SDVariable flat = features.reshape(height * width, channels);
        SDVariable product = GramProduct.apply(sd, flat);
        return product.div(name, (double) (channels * height * width));
    }

    /**
     * The same Gram matrix computed at once, for targets: a {@code [C, C]} array of
     * {@code features}' data type. Reads {@code features}, {@code [1, H, W, C]}, in place (no copy).
     */
    public static INDArray of(INDArray features) {
        long channels = features.size(3);
        INDArray flat = features.reshape(features.size(1) * features.size(2), channels);
        return Nd4j.gemm(flat, flat, true, false).divi((double) (channels * flat.size(0)));
    }
}
