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
        return build(sd, name, features, sd.constant(name + "_target", target), scale);
    }

    /**
     * Adds {@code scale · Σ(F − P)²} with a target computed in the graph, such as the features of a
     * batch's own images when a feed-forward network is trained. No gradient flows into the target
     * unless something asks for it.
     *
     * @param target {@code P}, the same shape and layout as {@code features}
     */
    public static SDVariable build(SameDiff sd, String name, SDVariable features, SDVariable target, double scale) {
        return sd.updateVariableNameAndReference(SquaredDistance.apply(sd, features, target, scale), name);
    }
}
