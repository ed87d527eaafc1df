package io.github.nst4j.loss;

import io.github.nst4j.workaround.SquaredDistance;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Content loss: the mean squared difference between the generated image's activations {@code F}
 * and the content image's activations {@code P} at one layer,
 * {@code L = mean((F − P)²)} over all {@code C·H·W} elements.
 */
public final class ContentLoss {
    private ContentLoss() {
    }

    /**
     * Adds the loss to {@code sd}, with {@code target} as the constant {@code name + "_target"}.
     *
     * @param target {@code P}, the same shape and layout as {@code features}
     */
    public static SDVariable build(SameDiff sd, String name, SDVariable features, INDArray target) {
        return build(sd, name, features, target, 1.0 / target.length());
    }

    /**
     * Adds {@code scale · Σ(F − P)²}, for masked features whose mean is not over all their elements.
     *
     * @param target {@code P}, the same shape and layout as {@code features}
     */
    public static SDVariable build(SameDiff sd, String name, SDVariable features, INDArray target, double scale) {
        SDVariable targetVariable = sd.constant(name + "_target", target);
        SDVariable loss = SquaredDistance.apply(sd, features, targetVariable, scale);
        return sd.updateVariableNameAndReference(loss, name);
    }
}
