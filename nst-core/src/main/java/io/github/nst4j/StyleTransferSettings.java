package io.github.nst4j;

import io.github.nst4j.loss.LossSpec;
import io.github.nst4j.network.Pooling;
import io.github.nst4j.optim.BudgetedObjective;
import io.github.nst4j.weights.WeightsSource;
import java.util.List;

/**
 * The validated settings of a {@link StyleTransfer}; style blend weights sum to 1, {@code temporal}
 * is null for a still image.
 */
record StyleTransferSettings(Mode mode, LossSpec lossSpec, int iterations, Optimizer optimizer, double learningRate,
        int lbfgsMemory, InitMode init, double initNoiseRatio, long seed, Pooling pooling, WeightsSource weights,
        ColorPreservation colors, List<Double> styleBlend, ResumeState resumeFrom, boolean lowMemory,
        BudgetedObjective.StopRule stopRule, TemporalImages temporal) {
}
