package io.github.nst4j.loss;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nst4j.network.FeatureNetwork;
import io.github.nst4j.network.Pooling;
import io.github.nst4j.network.TestWeights;
import io.github.nst4j.network.VggLayer;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class LossGraphTest {
    /**
     * {@link LossGraph#lossesAndGradient} runs the gradient function with SameDiff's array cache on;
     * over several steps (so that recycled arrays are in use) it must agree with SameDiff's own
     * {@code calculateGradientsAndOutputs}, and the arrays it returned earlier must not change.
     */
    @Test
    void cachedGradientMatchesCalculateGradients() {
        FeatureNetwork network = new FeatureNetwork(TestWeights.random(7), Pooling.AVG);
        LossSpec spec = new LossSpec(Set.of(VggLayer.BLOCK2_CONV2),
                Map.of(VggLayer.BLOCK1_CONV1, 1.0, VggLayer.BLOCK2_CONV1, 1.0), 1, 100, 1e-3);
        INDArray content = Nd4j.randn(DataType.FLOAT, 1, 3, 40, 48).muli(50).addi(120);
        INDArray style = Nd4j.randn(DataType.FLOAT, 1, 3, 40, 48).muli(50).addi(120);
        Targets targets = Targets.compute(network, spec, content, List.of(new Targets.WeightedStyle(style, 1)), DataType.FLOAT);
        LossGraph graph = LossGraph.build(network, spec, targets, content, DataType.FLOAT);

        INDArray previous = null;
        INDArray previousCopy = null;
        for (int step = 0; step < 4; step++) {
            LossGraph.Step cached = graph.lossesAndGradient();
            var reference = graph.sameDiff().calculateGradientsAndOutputs(Collections.emptyMap(),
                    List.of(LossGraph.CONTENT_LOSS, LossGraph.STYLE_LOSS, LossGraph.TV_LOSS), List.of(LossGraph.IMAGE));
            assertThat(cached.losses().content())
                    .isEqualTo(reference.getOutputs().get(LossGraph.CONTENT_LOSS).getDouble(0));
            assertThat(cached.losses().style()).isEqualTo(reference.getOutputs().get(LossGraph.STYLE_LOSS).getDouble(0));
            assertThat(cached.losses().totalVariation()).isEqualTo(reference.getOutputs().get(LossGraph.TV_LOSS).getDouble(0));
            assertThat(cached.gradient()).isEqualTo(reference.getGradients().get(LossGraph.IMAGE));
            if (previous != null) {
                assertThat(previous).isEqualTo(previousCopy);
            }
            // The forward-only score shares the gradient function's memory; interleaved with the
            // steps, it must neither disturb them nor read a recycled array too early.
            assertThat(graph.evaluate()).isEqualTo(cached.losses());
            previous = cached.gradient();
            previousCopy = previous.dup();
            graph.image().subi(cached.gradient().mul(0.5));
        }
    }
}
