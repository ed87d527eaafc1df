package io.github.nst4j.loss;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nst4j.Defaults;
import io.github.nst4j.listener.IterationListener;
import io.github.nst4j.network.FeatureNetwork;
import io.github.nst4j.network.Pooling;
import io.github.nst4j.network.TestWeights;
import io.github.nst4j.network.Vgg19Weights;
import io.github.nst4j.network.VggLayer;
import io.github.nst4j.optim.AdamImageOptimizer;
import io.github.nst4j.optim.BudgetedObjective;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Normalised gradients make the optimisation blind to the magnitude of the network's features.
 * VGG19 with ReLU and average pooling is positively homogeneous: multiplying the first kernel and
 * every bias by k multiplies every activation by k. The content loss then scales by k², the style
 * loss by k⁴, which shifts their balance unless each term's gradient is normalised; Adam is blind
 * to the overall gradient scale, so with normalisation the trajectory must not change. The layers
 * stop at block 3: homogeneity holds layer by layer, and the deeper blocks' weights would only make
 * every graph slower to build.
 */
class NormalizedGradientsTest {
    private static final int STEPS = 5;
    private static final Vgg19Weights WEIGHTS = TestWeights.random(7);
    /** The unscaled network's normalised trajectory, shared by both scales. */
    private static INDArray normalisedPlain;

    @ParameterizedTest
    @ValueSource(doubles = {0.02, 50})
    void withNormalisationTheTrajectoryIgnoresTheFeatureScale(double k) {
        if (normalisedPlain == null) {
            normalisedPlain = trajectory(WEIGHTS, true);
        }
        INDArray plain = normalisedPlain;
        INDArray scaled = trajectory(TestWeights.scaled(WEIGHTS, k), true);
        assertThat(relativeDifference(plain, scaled)).as("k = %s", k).isLessThan(1e-4);
    }

    @Tag("evidence") // the control: two double-precision trajectories per scale
    @ParameterizedTest
    @ValueSource(doubles = {0.02, 50})
    void withoutNormalisationTheFeatureScaleChangesTheTrajectory(double k) {
        INDArray plain = trajectory(WEIGHTS, false);
        INDArray scaled = trajectory(TestWeights.scaled(WEIGHTS, k), false);
        assertThat(relativeDifference(plain, scaled)).as("k = %s", k).isGreaterThan(1e-3);
    }

    @Test
    void normalisationLeavesTheReportedLossesAlone() {
        INDArray image = pixels(3);
        LossSpec normalised = spec(true);
        LossSpec plain = spec(false);
        FeatureNetwork network = new FeatureNetwork(WEIGHTS, Pooling.AVG);
        Targets targets = Targets.compute(network, plain, pixels(1), List.of(new Targets.WeightedStyle(pixels(2), 1)),
                DataType.FLOAT);
        try (LossGraph a = LossGraph.build(network, plain, targets, image, DataType.FLOAT);
                LossGraph b = LossGraph.build(network, normalised, targets, image, DataType.FLOAT)) {
            assertThat(b.lossesAndGradient().losses()).isEqualTo(a.lossesAndGradient().losses());
        }
    }

    /** The image after {@value #STEPS} Adam steps from the same start, TV off. */
    private static INDArray trajectory(Vgg19Weights weights, boolean normalize) {
        FeatureNetwork network = new FeatureNetwork(weights, Pooling.AVG);
        LossSpec spec = spec(normalize);
        // Double precision: Adam's first steps move each pixel by about sign(gradient) x rate, so in
        // float the rounding of near-zero gradient elements alone would make pixels differ.
        Targets targets = Targets.compute(network, spec, pixels(1), List.of(new Targets.WeightedStyle(pixels(2), 1)),
                DataType.DOUBLE);
        try (LossGraph graph = LossGraph.build(network, spec, targets, pixels(3), DataType.DOUBLE)) {
            BudgetedObjective objective = new BudgetedObjective(graph, List.of(),
                    new BudgetedObjective.LevelBudget(0, STEPS, false), BudgetedObjective.StopRule.NEVER,
                    IterationListener.NONE, new BudgetedObjective.EventContext(32, 32, 1, 1, STEPS, System.nanoTime(), null, null));
            new AdamImageOptimizer(Defaults.LEARNING_RATE).optimize(objective, null);
            return graph.image().dup();
        }
    }

    private static LossSpec spec(boolean normalize) {
        return new LossSpec(Set.of(VggLayer.BLOCK3_CONV2), Map.of(VggLayer.BLOCK1_CONV1, 1.0, VggLayer.BLOCK2_CONV1, 1.0,
                VggLayer.BLOCK3_CONV1, 1.0), Defaults.CONTENT_WEIGHT, Defaults.STYLE_WEIGHT, 0, normalize);
    }


    private static INDArray pixels(long seed) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.rand(DataType.FLOAT, 1, 3, 32, 32).muli(255);
    }

    private static double relativeDifference(INDArray a, INDArray b) {
        return a.sub(b).amaxNumber().doubleValue() / a.amaxNumber().doubleValue();
    }
}
