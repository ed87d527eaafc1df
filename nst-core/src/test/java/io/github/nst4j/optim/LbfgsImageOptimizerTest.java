package io.github.nst4j.optim;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nst4j.Defaults;
import io.github.nst4j.listener.IterationListener;
import io.github.nst4j.listener.LossValues;
import io.github.nst4j.loss.LossGraph;
import io.github.nst4j.loss.LossSpec;
import io.github.nst4j.loss.Targets;
import io.github.nst4j.network.FeatureNetwork;
import io.github.nst4j.network.Pooling;
import io.github.nst4j.network.VggLayer;
import io.github.nst4j.weights.WeightsSource;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** L-BFGS against plain gradient descent on one fixed style-transfer objective. */
class LbfgsImageOptimizerTest {
    private static final int EVALUATIONS = 20;
    private static FeatureNetwork network;
    private static LossSpec spec;
    private static Targets targets;
    private static INDArray start;

    @BeforeAll
    static void fixedProblem() {
        network = new FeatureNetwork(WeightsSource.random(3).load(), Pooling.AVG);
        spec = new LossSpec(Set.of(VggLayer.BLOCK3_CONV2), Defaults.styleLayers(), 5, 100, 1e-3);
        Nd4j.getRandom().setSeed(11);
        INDArray content = Nd4j.rand(DataType.FLOAT, 1, 3, 48, 56).muli(255);
        INDArray style = Nd4j.rand(DataType.FLOAT, 1, 3, 48, 56).muli(255);
        targets = Targets.compute(network, spec, content, List.of(new Targets.WeightedStyle(style, 1)), DataType.FLOAT);
        start = Nd4j.rand(DataType.FLOAT, 1, 3, 48, 56).muli(255);
    }

    /**
     * After the same number of loss evaluations, L-BFGS has a lower loss than gradient descent with
     * the best of five fixed step sizes spanning four orders of magnitude.
     */
    @Tag("evidence") // two long optimisations side by side
    @Test
    void lowersTheLossFasterPerEvaluationThanGradientDescent() {
        BudgetedObjective lbfgs = evaluator();
        new LbfgsImageOptimizer(100, 10).optimize(lbfgs, null);
        double lbfgsBest = best(lbfgs.history());

        double gradientDescentBest = Double.POSITIVE_INFINITY;
        for (double step : new double[] {1e-2, 1e-1, 1, 10, 100}) {
            gradientDescentBest = Math.min(gradientDescentBest, gradientDescent(step));
        }
        System.out.printf("after %d evaluations: L-BFGS %.6g, best gradient descent %.6g, start %.6g%n",
                EVALUATIONS, lbfgsBest, gradientDescentBest, lbfgs.history().get(0).total());
        assertThat(lbfgs.history()).hasSize(EVALUATIONS);
        assertThat(lbfgsBest).isLessThan(gradientDescentBest);
    }

    @Test
    void neverReportsMoreEvaluationsThanTheBudget() {
        BudgetedObjective evaluator = evaluator();
        new LbfgsImageOptimizer(3, 10).optimize(evaluator, null);
        assertThat(evaluator.history()).hasSize(EVALUATIONS);
        assertThat(evaluator.lastResumePoint()).isNotNull();
        assertThat(best(evaluator.history())).isLessThan(evaluator.history().get(0).total());
    }

    private static double gradientDescent(double step) {
        BudgetedObjective evaluator = evaluator();
        INDArray image = evaluator.graph().image();
        while (!evaluator.exhausted()) {
            image.subi(evaluator.evaluate().gradient().mul(step));
        }
        return best(evaluator.history());
    }

    private static BudgetedObjective evaluator() {
        LossGraph graph = LossGraph.build(network, spec, targets, start, DataType.FLOAT);
        return new BudgetedObjective(graph, List.of(), new BudgetedObjective.LevelBudget(0, EVALUATIONS, false),
                BudgetedObjective.StopRule.NEVER, IterationListener.NONE,
                new BudgetedObjective.EventContext(56, 48, 1, 1, EVALUATIONS, System.nanoTime(), null, null));
    }

    private static double best(List<LossValues> history) {
        return history.stream().mapToDouble(LossValues::total).filter(Double::isFinite).min().orElseThrow();
    }
}
