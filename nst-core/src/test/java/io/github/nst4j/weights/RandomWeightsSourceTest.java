package io.github.nst4j.weights;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nst4j.network.Vgg19Weights;
import io.github.nst4j.network.VggLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.zoo.model.VGG19;
import org.junit.jupiter.api.Test;

class RandomWeightsSourceTest {
    /** The small-input graph it builds must not change the convolutions of the standard one. */
    @Test
    void sameConvolutionsAsTheFullSizeZooGraphWithTheSameSeed() {
        Vgg19Weights small = WeightsSource.random(11).load();
        ComputationGraph full = VGG19.builder().numClasses(1000).seed(11).build().init();
        try {
            Vgg19Weights expected = Vgg19Weights.fromZooGraph(full);
            for (VggLayer layer : VggLayer.values()) {
                assertThat(small.kernel(layer).equals(expected.kernel(layer))).as("kernel of %s", layer).isTrue();
                assertThat(small.bias(layer).equals(expected.bias(layer))).as("bias of %s", layer).isTrue();
            }
        } finally {
            full.close();
        }
        assertThat(WeightsSource.random(12).load().kernel(VggLayer.BLOCK1_CONV1)
                .equals(small.kernel(VggLayer.BLOCK1_CONV1))).as("another seed, other weights").isFalse();
    }
}
