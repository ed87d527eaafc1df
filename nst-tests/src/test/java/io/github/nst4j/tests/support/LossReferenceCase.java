package io.github.nst4j.tests.support;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One case of {@code /reference/loss_reference.txt}: a feature tensor {@code F} and a target
 * tensor {@code T} of shape {@code [C, H, W]}, and the float64 values that
 * {@code generate_loss_reference.py} (NumPy) computed from them. Arrays are in C order.
 *
 * @param name the case name, e.g. {@code relu_8x6x11}
 * @param gram {@code gram(F)}, {@code C·C} values
 * @param gramTarget {@code gram(T)}, {@code C·C} values
 * @param styleLoss {@code mean((gram(F) − gram(T))²)}
 * @param contentLoss {@code mean((F − T)²)}
 * @param tvLoss total-variation loss of {@code F}
 */
public record LossReferenceCase(String name, int channels, int height, int width, double[] features,
        double[] target, double[] gram, double[] gramTarget, double styleLoss, double contentLoss,
        double tvLoss) {

    /** {@code F} as a {@code [1, C, H, W]} tensor; the values are exact in float32, so any type is lossless. */
    public INDArray featuresTensor(DataType dataType) {
        return Nd4j.create(features, new long[] {1, channels, height, width}, dataType);
    }

    /** {@code T} as a {@code [1, C, H, W]} tensor. */
    public INDArray targetTensor(DataType dataType) {
        return Nd4j.create(target, new long[] {1, channels, height, width}, dataType);
    }

    /** {@code gram(F)} as a {@code [C, C]} DOUBLE matrix. */
    public INDArray gramMatrix() {
        return Nd4j.create(gram, new long[] {channels, channels}, DataType.DOUBLE);
    }

    /** {@code gram(T)} as a {@code [C, C]} DOUBLE matrix. */
    public INDArray gramTargetMatrix() {
        return Nd4j.create(gramTarget, new long[] {channels, channels}, DataType.DOUBLE);
    }

    /** The case name, so that parameterised tests show it. */
    @Override
    public String toString() {
        return name;
    }
}
