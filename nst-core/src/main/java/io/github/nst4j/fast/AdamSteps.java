package io.github.nst4j.fast;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Adam applied to every parameter by hand, as PyTorch's {@code torch.optim.Adam} (which Johnson et
 * al.'s and PyTorch's fast_neural_style train with) takes its steps:
 * {@code w −= lr/(1−β₁ᵗ) · m / (√v/√(1−β₂ᵗ) + ε)}, betas 0.9 and 0.999, ε 1e-8.
 *
 * <p>Not ND4J's Adam updater: that one adds ε to {@code √v} before the bias correction, which makes
 * its ε effectively {@code 1e-8/√(1−β₂ᵗ)}, 3e-7 at the first step, and moves parameters whose
 * gradient is that small (normalised gradients spread over many parameters often are) by up to a
 * sixth of a step less than PyTorch (measured by {@code TrainingReferenceTest}). Nor
 * {@code SameDiff.fit}, which reports loss terms whose value the backward pass does not need as 0
 * (see {@code io.github.nst4j.optim}). The moments are kept per parameter, so that a checkpoint
 * holds them.
 */
final class AdamSteps {
    static final double BETA1 = 0.9;
    static final double BETA2 = 0.999;
    static final double EPSILON = 1e-8;

    private final double learningRate;
    private final Map<String, INDArray> moments = new LinkedHashMap<>();

    /**
     * @param weights the parameters, for their sizes and data type
     * @param savedMoments from {@link #moments()} of an earlier run, or null to start afresh
     */
    AdamSteps(double learningRate, Map<String, INDArray> weights, Map<String, INDArray> savedMoments) {
        this.learningRate = learningRate;
        weights.forEach((name, value) -> moments.put(name, savedMoments == null
                ? Nd4j.zeros(value.dataType(), 1, 2 * value.length())
                : savedMoments.get(name).castTo(value.dataType()).reshape(1, 2 * value.length()).dup()));
    }

    /**
     * Takes one step: each parameter moves by Adam's update of its gradient, in place.
     *
     * @param step the number of steps taken before this one, for Adam's bias correction
     */
    void apply(Map<String, INDArray> weights, Map<String, INDArray> gradients, int step) {
        double stepSize = learningRate / (1 - Math.pow(BETA1, step + 1));
        double secondCorrection = Math.sqrt(1 - Math.pow(BETA2, step + 1));
        weights.forEach((name, value) -> {
            long size = value.length();
            INDArray state = moments.get(name);
            INDArray first = state.get(NDArrayIndex.point(0), NDArrayIndex.interval(0, size));
            INDArray second = state.get(NDArrayIndex.point(0), NDArrayIndex.interval(size, 2 * size));
            INDArray gradient = gradients.get(name).reshape(size);
            INDArray scaled = gradient.mul(1 - BETA1);
            first.muli(BETA1).addi(scaled);
            INDArray squared = gradient.mul(gradient).muli(1 - BETA2);
            second.muli(BETA2).addi(squared);
            INDArray denominator = Transforms.sqrt(second, true).divi(secondCorrection).addi(EPSILON);
            INDArray update = first.div(denominator).muli(stepSize);
            value.subi(update.reshape(value.shape()));
            for (INDArray temporary : new INDArray[] {scaled, squared, denominator, update}) {
                temporary.close();
            }
        });
    }

    /** Each parameter's first and second moments, {@code [1, 2·size]}: live arrays, copy to keep. */
    Map<String, INDArray> moments() {
        return moments;
    }
}
