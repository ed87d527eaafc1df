package io.github.nst4j.workaround;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nst4j.loss.LossGraph;
import io.github.nst4j.loss.LossSpec;
import io.github.nst4j.loss.Targets;
import io.github.nst4j.network.FeatureNetwork;
import io.github.nst4j.network.Pooling;
import io.github.nst4j.network.TestWeights;
import io.github.nst4j.network.VggLayer;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class SessionMemoryTest {
    /**
     * With {@link SessionMemory} in the gradient function and the dropped arrays freed between steps,
     * every step must still give SameDiff's reference gradient, arrays returned earlier must stay
     * intact, and some memory must actually have been freed; whether released arrays are recycled
     * or freed at once.
     */
    @ParameterizedTest(name = "recycle {0}")
    @ValueSource(booleans = {true, false})
    void freeingDroppedArraysBetweenStepsKeepsGradientsExact(boolean recycle) {
        FeatureNetwork network = new FeatureNetwork(TestWeights.random(5), Pooling.AVG);
        LossSpec spec = new LossSpec(java.util.Set.of(VggLayer.BLOCK4_CONV2), Map.of(VggLayer.BLOCK1_CONV1, 1.0,
                VggLayer.BLOCK3_CONV1, 1.0, VggLayer.BLOCK5_CONV1, 1.0), 5, 100, 1e-3);
        INDArray content = Nd4j.rand(DataType.FLOAT, 1, 3, 40, 48).muli(255);
        INDArray style = Nd4j.rand(DataType.FLOAT, 1, 3, 40, 48).muli(255);
        Targets targets = Targets.compute(network, spec, content, List.of(new Targets.WeightedStyle(style, 1)), DataType.FLOAT);
        LossGraph graph = LossGraph.build(network, spec, targets, content, DataType.FLOAT);
        SameDiff gradFn = graph.sameDiff().getFunction("grad");
        SessionMemory memory = SessionMemory.install(gradFn, recycle);

        long freed = 0;
        INDArray previous = null;
        INDArray previousCopy = null;
        for (int step = 0; step < 4; step++) {
            freed += memory.freeDropped();
            LossGraph.Step result = graph.lossesAndGradient();
            memory.keep(List.of(result.gradient()));
            var reference = graph.sameDiff().calculateGradientsAndOutputs(Collections.emptyMap(),
                    List.of(LossGraph.STYLE_LOSS), List.of(LossGraph.IMAGE));
            assertThat(result.losses().style()).isEqualTo(reference.getOutputs().get(LossGraph.STYLE_LOSS).getDouble(0));
            assertThat(result.gradient()).isEqualTo(reference.getGradients().get(LossGraph.IMAGE));
            if (previous != null) {
                assertThat(previous).isEqualTo(previousCopy);
            }
            previous = result.gradient();
            previousCopy = previous.dup();
            graph.image().subi(result.gradient().mul(0.5));
        }
        assertThat(freed).isPositive();
        memory.close();
    }
}
