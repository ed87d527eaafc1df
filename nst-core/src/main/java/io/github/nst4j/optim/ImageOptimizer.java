package io.github.nst4j.optim;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A method that lowers the loss of a graph's image, spending an {@link BudgetedObjective}'s budget. */
public interface ImageOptimizer {
    /**
     * Optimises {@code evaluator.graph().image()} in place until the evaluator is exhausted,
     * calling {@link BudgetedObjective#markResumePoint} at every point it could be resumed from.
     *
     * @param resumeFrom the optimiser state of a resume point to continue from, or null to start afresh
     */
    void optimize(BudgetedObjective evaluator, Map<String, INDArray> resumeFrom);

    /** Key of the image in a checkpoint's optimiser state. */
    String IMAGE = "x";
}
