package io.github.nst4j.fast;

import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;

/**
 * ND4J's Adam updater applied to every parameter by hand, as {@code SameDiff.fit} would (which is not
 * used: it reports loss terms whose value the backward pass does not need as 0, see
 * {@code io.github.nst4j.optim}). Its moments are kept per parameter, so that a checkpoint holds them.
 * Betas and epsilon are PyTorch's (0.9, 0.999, 1e-8).
 */
final class AdamSteps {
    private final Map<String, INDArray> moments = new LinkedHashMap<>();
    private final Map<String, GradientUpdater<?>> updaters = new LinkedHashMap<>();

    /**
     * @param weights the parameters, for their sizes
     * @param savedMoments from {@link #moments()} of an earlier run, or null to start afresh
     */
    AdamSteps(double learningRate, Map<String, INDArray> weights, Map<String, INDArray> savedMoments) {
        Adam adam = new Adam(learningRate, Adam.DEFAULT_ADAM_BETA1_MEAN_DECAY, Adam.DEFAULT_ADAM_BETA2_VAR_DECAY,
                Adam.DEFAULT_ADAM_EPSILON);
        weights.forEach((name, value) -> {
            INDArray state = savedMoments == null ? Nd4j.zeros(value.dataType(), 1, adam.stateSize(value.length()))
                    : savedMoments.get(name).castTo(value.dataType()).reshape(1, adam.stateSize(value.length())).dup();
            moments.put(name, state);
            updaters.put(name, adam.instantiate(state, savedMoments == null));
        });
    }

    /**
     * Takes one step: each parameter moves by Adam's update of its gradient, in place.
     *
     * @param step the number of steps taken before this one, for Adam's bias correction
     */
    void apply(Map<String, INDArray> weights, Map<String, INDArray> gradients, int step) {
        weights.forEach((name, value) -> {
            INDArray gradient = gradients.get(name);
            updaters.get(name).applyUpdater(gradient, step, 0);
            value.subi(gradient.reshape(value.shape()));
        });
    }

    /** Each parameter's first and second moments, {@code [1, 2·size]}: live arrays, copy to keep. */
    Map<String, INDArray> moments() {
        return moments;
    }
}
