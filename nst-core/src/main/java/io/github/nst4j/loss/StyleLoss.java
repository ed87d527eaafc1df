package io.github.nst4j.loss;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Style loss of one layer: the mean squared difference between the generated image's Gram matrix
 * {@code G} and the style image's Gram matrix {@code A} (see {@link GramMatrix}),
 * {@code L = mean((G − A)²)} over the {@code C²} entries.
 */
public final class StyleLoss {
    private StyleLoss() {
    }

    /** Adds the loss to {@code sd}; {@code targetGram} is usually a constant. */
    public static SDVariable build(SameDiff sd, String name, SDVariable gram, SDVariable targetGram) {
        return sd.math().squaredDifference(gram, targetGram).mean(name);
    }
}
