package io.github.nst4j.loss;

import io.github.nst4j.workaround.SquaredDistance;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Temporal loss of a video frame (Ruder et al. 2016): the mean over all {@code D = 3·H·W} pixel
 * values of {@code c·(x − ω)²}, where {@code x} is the generated image, {@code ω} the previous
 * stylised frame warped into this one and {@code c} its mask, in 0-255 pixel units. As
 * {@code c ≥ 0} it is taken as the squared distance of {@code √c·x} and {@code √c·ω}, one op.
 */
public final class TemporalLoss {
    private TemporalLoss() {
    }

    /** Adds the (unweighted) loss to {@code sd}. */
    public static SDVariable build(SameDiff sd, String name, SDVariable image, TemporalTarget target,
            DataType dataType) {
        INDArray mask = target.mask().castTo(dataType);
        long[] shape = target.warped().shape();
        // The mask's one channel spread over the three colours, square-rooted so that the squares weigh by c.
        INDArray root = Transforms.sqrt(mask, true).broadcast(shape).dup();
        SDVariable rootMask = sd.constant(name + "_mask", root);
        INDArray weightedTarget = target.warped().castTo(dataType).mul(root);
        long values = shape[1] * shape[2] * shape[3];
        return sd.updateVariableNameAndReference(SquaredDistance.apply(sd, image.mul(rootMask),
                sd.constant(name + "_target", weightedTarget), 1.0 / values), name);
    }
}
