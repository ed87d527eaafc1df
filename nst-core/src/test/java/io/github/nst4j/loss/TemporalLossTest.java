package io.github.nst4j.loss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.nst4j.network.FeatureNetwork;
import io.github.nst4j.network.Pooling;
import io.github.nst4j.network.TestWeights;
import io.github.nst4j.network.VggLayer;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The temporal term of a video frame, {@code w·Σ c·(x − ω)² / (3·H·W)}, and its gradient
 * {@code 2·w·c·(x − ω) / (3·H·W)}, against the same sums taken here in double precision, element by
 * element. Tolerance: a relative 1e-5 (float32 sums over 4 608 values), and for the gradient 1e-7
 * more (the float32 rounding of the other terms' gradient, subtracted: up to 1e-8 here; the
 * temporal gradient's elements are up to 0.8).
 */
class TemporalLossTest {
    private static final int HEIGHT = 32;
    private static final int WIDTH = 48;

    @Test
    void lossAndGradientAreTheMaskedMeanSquareAndItsDerivative() {
        Random random = new Random(3);
        float[] image = values(random, 3 * HEIGHT * WIDTH, 255);
        float[] warped = values(random, 3 * HEIGHT * WIDTH, 255);
        float[] mask = new float[HEIGHT * WIDTH];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = random.nextInt(4) == 0 ? 0 : random.nextInt(3) == 0 ? 0.5f : 1;
        }
        double weight = 7;
        TemporalTarget target = new TemporalTarget(Nd4j.create(warped, new long[] {1, 3, HEIGHT, WIDTH}, 'c'),
                Nd4j.create(mask, new long[] {1, 1, HEIGHT, WIDTH}, 'c'), weight);
        // The content term's target is the start image's own features, and the same graph without the
        // temporal term gives the gradient of the rest, subtracted below; TV weight 0.
        FeatureNetwork network = new FeatureNetwork(TestWeights.random(7), Pooling.AVG);
        LossSpec spec = new LossSpec(Set.of(VggLayer.BLOCK1_CONV1), Map.of(), 1, 0, 0);
        INDArray start = Nd4j.create(image, new long[] {1, 3, HEIGHT, WIDTH}, 'c');
        Targets targets = Targets.compute(network, spec, start, List.of(), DataType.FLOAT);
        try (LossGraph graph = LossGraph.build(network, spec, targets, target, start, DataType.FLOAT, true);
                LossGraph rest = LossGraph.build(network, spec, targets, start, DataType.FLOAT)) {
            LossGraph.Step step = graph.lossesAndGradient();
            LossGraph.Step restStep = rest.lossesAndGradient();

            int plane = HEIGHT * WIDTH;
            double sum = 0;
            double[] gradient = new double[image.length];
            for (int i = 0; i < image.length; i++) {
                double difference = (double) image[i] - warped[i];
                double c = mask[i % plane];
                sum += c * difference * difference;
                gradient[i] = 2 * weight * c * difference / image.length;
            }
            double expected = weight * sum / image.length;
            assertThat(step.losses().temporal()).isCloseTo(expected, within(expected * 1e-5));
            assertThat(step.losses().total() - restStep.losses().total()).isCloseTo(expected, within(expected * 1e-5));
            float[] actual = step.gradient().sub(restStep.gradient()).dup('c').data().asFloat();
            for (int i = 0; i < gradient.length; i++) {
                assertThat((double) actual[i]).as("gradient %d", i)
                        .isCloseTo(gradient[i], within(Math.abs(gradient[i]) * 1e-5 + 1e-7));
            }
        }
    }

    @Test
    void aZeroWeightLeavesTheTermOut() {
        FeatureNetwork network = new FeatureNetwork(TestWeights.random(7), Pooling.AVG);
        LossSpec spec = new LossSpec(Set.of(VggLayer.BLOCK1_CONV1), Map.of(), 1, 0, 1e-3);
        INDArray start = Nd4j.rand(DataType.FLOAT, 1, 3, HEIGHT, WIDTH).muli(255);
        TemporalTarget target = new TemporalTarget(Nd4j.zeros(DataType.FLOAT, 1, 3, HEIGHT, WIDTH),
                Nd4j.ones(DataType.FLOAT, 1, 1, HEIGHT, WIDTH), 0);
        Targets targets = Targets.compute(network, spec, start.mul(0.5), List.of(), DataType.FLOAT);
        try (LossGraph with = LossGraph.build(network, spec, targets, target, start, DataType.FLOAT, true);
                LossGraph without = LossGraph.build(network, spec, targets, start, DataType.FLOAT)) {
            LossGraph.Step step = with.lossesAndGradient();
            assertThat(step.losses().temporal()).isZero();
            assertThat(step.gradient()).isEqualTo(without.lossesAndGradient().gradient());
        }
    }

    private static float[] values(Random random, int count, double scale) {
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (float) (random.nextDouble() * scale);
        }
        return values;
    }
}
