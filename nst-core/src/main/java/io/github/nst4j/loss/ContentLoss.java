package io.github.nst4j.loss;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Content loss: the mean squared difference between the generated image's activations {@code F}
 * and the content image's activations {@code P} at one layer,
 * {@code L = mean((F − P)²)} over all {@code C·H·W} elements.
 */
public final class ContentLoss {
    private ContentLoss() {
    }

    /** Adds the loss to {@code sd}; {@code target} is usually a constant. */
    public static SDVariable build(SameDiff sd, String name, SDVariable features, SDVariable target) {
        return sd.math().squaredDifference(features, target).mean(name);
    }
}
