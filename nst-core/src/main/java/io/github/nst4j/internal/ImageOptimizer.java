package io.github.nst4j.internal;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A method that lowers the loss of a graph's image, spending an {@link Evaluator}'s budget. */
public interface ImageOptimizer {
    /**
     * Optimises {@code evaluator.graph().image()} in place until the evaluator is exhausted,
     * calling {@link Evaluator#checkpoint} at every point it could be resumed from.
     *
     * @param resumeFrom the optimiser state of a checkpoint to continue from, or null to start afresh
     */
    void optimize(Evaluator evaluator, Map<String, INDArray> resumeFrom);

    /** Key of the image in a checkpoint's optimiser state. */
    String IMAGE = "x";
}
