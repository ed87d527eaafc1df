package io.github.nst4j.tests.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nst4j.network.FeatureNetwork;
import io.github.nst4j.network.InputConvention;
import io.github.nst4j.network.Pooling;
import io.github.nst4j.network.Vgg19Weights;
import io.github.nst4j.network.VggLayer;
import io.github.nst4j.tests.support.RandomVgg19;
import io.github.nst4j.tests.support.Tensors;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Checks that nst4j's SameDiff VGG19 ({@link FeatureNetwork} with {@link Pooling#MAX}) computes
 * exactly what the Deeplearning4j zoo graph it copies its weights from computes: same kernel
 * layout (DL4J {@code [out, in, kH, kW]} permuted for SameDiff), same padding, same pooling, and
 * the zoo layer numbers in {@link VggLayer#zooLayerName()}. Random weights suffice for that and
 * need no download, and small sizes keep the zoo graph's dense layers small. A non-square size catches a
 * swapped height and width.
 *
 * <p>Tolerance: {@code max |ours − zoo| <= 1e-4 · max(1, maxAbs(zoo activations))} per layer. Both
 * sides compute in float32 with different convolution kernels, so they differ by summation order
 * only: ~1e-7 relative per 3x3xC dot product, accumulated over up to 10 layers. Measured: at most
 * 2.8e-6 of the activation scale (4e-6 absolute at block5_conv1, 6e-5 at block2_conv1, whose
 * scale is ~60); see the printed figures. A wrong kernel orientation, padding or layer mapping
 * changes the activations by their own order of magnitude.
 */
class FeatureNetworkVsZooGraphTest {
    private static final double RELATIVE_TOLERANCE = 1e-4;
    private static final long WEIGHT_SEED = 12345;
    private static final long INPUT_SEED = 777;
    /** The five style layers of the paper and the content layer. */
    private static final List<VggLayer> LAYERS = List.of(VggLayer.BLOCK1_CONV1, VggLayer.BLOCK2_CONV1,
            VggLayer.BLOCK3_CONV1, VggLayer.BLOCK4_CONV1, VggLayer.BLOCK4_CONV2, VggLayer.BLOCK5_CONV1);

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"64, 64", "96, 160"})
    void maxPoolingNetworkMatchesZooGraph(int height, int width) {
        ZooReference zoo = ZooReference.compute(height, width, LAYERS);
        Map<VggLayer, INDArray> ours = new FeatureNetwork(zoo.weights(), Pooling.MAX)
                .activations(zoo.input(), LAYERS, DataType.FLOAT);

        for (VggLayer layer : LAYERS) {
            INDArray expected = zoo.activations().get(layer);
            INDArray actual = ours.get(layer);
            assertThat(actual.shape()).as("%s shape", layer).containsExactly(expected.shape());
            double scale = Tensors.maxAbs(expected);
            double diff = Tensors.maxAbsDiff(actual, expected);
            double allowed = RELATIVE_TOLERANCE * Math.max(1, scale);
            System.out.printf("%dx%d %-13s maxAbs %.4e  max |ours - zoo| %.3e (%.2e of maxAbs)%n", height, width,
                    layer, scale, diff, diff / scale);
            assertThat(scale).as("%s activations are all zero; the comparison would prove nothing", layer)
                    .isGreaterThan(0);
            assertThat(diff).as("%s at %dx%d: max |ours - zoo| = %.3e, allowed %.0e * max(1, maxAbs %.4e) = %.3e",
                    layer, height, width, diff, RELATIVE_TOLERANCE, scale, allowed).isLessThanOrEqualTo(allowed);
        }
    }

    @Test
    void averagePoolingChangesActivationsAfterTheFirstPool() {
        List<VggLayer> layers = List.of(VggLayer.BLOCK1_CONV2, VggLayer.BLOCK2_CONV1);
        ZooReference zoo = ZooReference.compute(96, 160, layers);
        Map<VggLayer, INDArray> ours = new FeatureNetwork(zoo.weights(), Pooling.AVG)
                .activations(zoo.input(), layers, DataType.FLOAT);

        // Before the first pool the pooling mode cannot matter: this must still agree...
        INDArray zooBefore = zoo.activations().get(VggLayer.BLOCK1_CONV2);
        double before = Tensors.maxAbsDiff(ours.get(VggLayer.BLOCK1_CONV2), zooBefore);
        double beforeScale = Tensors.maxAbs(zooBefore);
        // ...and right after it, average and max pooling must give clearly different inputs.
        INDArray zooAfter = zoo.activations().get(VggLayer.BLOCK2_CONV1);
        double after = Tensors.maxAbsDiff(ours.get(VggLayer.BLOCK2_CONV1), zooAfter);
        double afterScale = Tensors.maxAbs(zooAfter);
        System.out.printf("AVG vs zoo MAX: block1_conv2 max |diff| %.3e of maxAbs %.4e; block2_conv1 max |diff| %.3e"
                + " of maxAbs %.4e%n", before, beforeScale, after, afterScale);

        assertThat(before).as("block1_conv2 (before any pooling): max |AVG - zoo| = %.3e, allowed %.0e * %.4e",
                before, RELATIVE_TOLERANCE, Math.max(1, beforeScale))
                .isLessThanOrEqualTo(RELATIVE_TOLERANCE * Math.max(1, beforeScale));
        // Max and average of 2x2 windows of ReLU outputs differ by a sizeable fraction of the
        // activations (measured: 63% of the scale); 1% is far above float noise (~1e-6).
        assertThat(after).as("block2_conv1: max |AVG - zoo MAX| = %.3e should exceed 1e-2 * maxAbs %.4e; is"
                + " Pooling.AVG ignored?", after, afterScale).isGreaterThan(1e-2 * afterScale);
    }

    /**
     * What the zoo graph computes on a seeded input, and the convolution weights copied out of it.
     * The graph itself (~70 MB off-heap at 64x64, ~570 MB at 224x224) is closed before this is returned.
     */
    private record ZooReference(Vgg19Weights weights, INDArray input, Map<VggLayer, INDArray> activations) {
        static ZooReference compute(int height, int width, List<VggLayer> layers) {
            // Our network takes RGB pixels and applies the weights' input convention itself; the zoo
            // graph is fed the Caffe-preprocessed tensor of the same pixels.
            INDArray input = Tensors.uniform(INPUT_SEED, new long[] {1, 3, height, width}, 0, 255);
            ComputationGraph graph = RandomVgg19.graph(WEIGHT_SEED, height, width);
            try {
                Vgg19Weights weights = Vgg19Weights.fromZooGraph(graph);
                Map<String, INDArray> all = graph.feedForward(InputConvention.CAFFE.toNetworkInput(input), false);
                Map<VggLayer, INDArray> activations = new EnumMap<>(VggLayer.class);
                for (VggLayer layer : layers) {
                    activations.put(layer, all.get(layer.zooLayerName()).dup());
                }
                return new ZooReference(weights, input, activations);
            } finally {
                graph.close();
            }
        }
    }
}
