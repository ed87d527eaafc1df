package io.github.nst4j.optim;

import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Adam on the image: each step evaluates the loss and its gradient once, then applies ND4J's Adam
 * updater in place, which is what {@code SameDiff.fit} does inside. {@code fit} itself is not used
 * because it skips the forward value of a loss variable whose backward pass does not need it, and
 * then reports every loss term as 0. When the budget is spent, the last evaluation takes no step
 * unless the objective asks for the image after the last step (see {@link BudgetedObjective.Result}).
 */
public final class AdamImageOptimizer implements ImageOptimizer {
    private static final String MOMENTS = "adam_moments";
    private static final String STEP = "adam_step";
    /**
     * Adam's epsilon, far below ND4J's default 1e-8: it only guards against 0/0. Any larger value
     * would make a step depend on the gradient's overall scale, which differs by orders of
     * magnitude between weight sources and with normalised gradients, for pixels whose gradient
     * is small.
     */
    private static final double EPSILON = 1e-30;

    private final Adam adam;

    /** @param learningRate Adam's step size, in 0-255 pixel units */
    public AdamImageOptimizer(double learningRate) {
        this.adam = new Adam(learningRate, Adam.DEFAULT_ADAM_BETA1_MEAN_DECAY, Adam.DEFAULT_ADAM_BETA2_VAR_DECAY,
                EPSILON);
    }

    @Override
    public void optimize(BudgetedObjective evaluator, Map<String, INDArray> resumeFrom) {
        INDArray image = evaluator.graph().image();
        INDArray moments;
        int step;
        if (resumeFrom == null) {
            moments = Nd4j.zeros(image.dataType(), 1, adam.stateSize(image.length()));
            step = 0;
        } else {
            image.assign(resumeFrom.get(IMAGE));
            moments = resumeFrom.get(MOMENTS).dup();
            step = resumeFrom.get(STEP).getInt(0);
        }
        GradientUpdater<?> updater = adam.instantiate(moments, resumeFrom == null);
        // Every step is a resumable point, but only the last one is ever resumed from: copy it alone.
        while (!evaluator.exhausted()) {
            INDArray gradient = evaluator.evaluate().gradient();
            if (evaluator.exhausted() && !evaluator.stepsAfterLastEvaluation() && !evaluator.stopRequested()) {
                // The budget is spent: no evaluation would score the image a step made now. (A stopped run
                // takes the step, and a resumed one scores its image first, as an uninterrupted run would.)
                return;
            }
            updater.applyUpdater(gradient, step, 0);
            image.subi(gradient);
            step++;
            if (evaluator.exhausted()) {
                evaluator.markResumePoint(Map.of(IMAGE, image.dup(), MOMENTS, moments.dup(), STEP, Nd4j.scalar(step)));
            }
        }
    }
}
