package io.github.nst4j.loss;

import io.github.nst4j.workaround.SquaredDistance;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Style loss of one layer: the mean squared difference between the generated image's Gram matrix
 * {@code G} and the style image's Gram matrix {@code A} (see {@link GramMatrix}),
 * {@code L = mean((G − A)²)} over the {@code C²} entries.
 */
public final class StyleLoss {
    private StyleLoss() {
    }

    /**
     * Adds the loss to {@code sd}, with {@code targetGram} as the constant {@code name + "_target"}.
     *
     * @param targetGram {@code A}, {@code [C, C]}, for example from {@link GramMatrix#of}
     */
    public static SDVariable build(SameDiff sd, String name, SDVariable gram, INDArray targetGram) {
        SDVariable target = sd.constant(name + "_target", targetGram);
        SDVariable loss = SquaredDistance.apply(sd, gram, target, 1.0 / targetGram.length());
        return sd.updateVariableNameAndReference(loss, name);
    }
}
