package io.github.nst4j.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.nst4j.network.InputConvention;
import io.github.nst4j.network.Vgg19Weights;
import io.github.nst4j.network.VggLayer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The untrained weights are what their recipe says: He's scale, zero-mean kernels after the first, seeded. */
class UntrainedWeightsSourceTest {
    private static final Vgg19Weights WEIGHTS = WeightsSource.untrained(3).load();

    @Test
    void everyLayerHasHesScaleAndZeroBiases() {
        for (VggLayer layer : VggLayer.values()) {
            double expected = Math.sqrt(2.0 / (9 * layer.inputChannels()));
            INDArray kernel = WEIGHTS.kernel(layer);
            double rms = Math.sqrt(kernel.mul(kernel).meanNumber().doubleValue());
            assertThat(rms).as("RMS of %s's kernel", layer).isCloseTo(expected, within(1e-3 * expected)); // float sums over 2.4M values
            assertThat(WEIGHTS.bias(layer).amaxNumber().doubleValue()).as("bias of %s", layer).isZero();
        }
        assertThat(WEIGHTS.inputConvention()).isEqualTo(InputConvention.TORCH);
    }

    /** A kernel with a non-zero sum would mostly blur its non-negative input; the first layer sees colour. */
    @Test
    void kernelsAfterTheFirstLayerSumToZero() {
        for (VggLayer layer : VggLayer.values()) {
            INDArray sums = WEIGHTS.kernel(layer).reshape(layer.channels(), -1).sum(1);
            double largestSum = sums.amaxNumber().doubleValue();
            if (layer == VggLayer.BLOCK1_CONV1) {
                assertThat(largestSum).as("first layer's largest kernel sum").isGreaterThan(0.1);
            } else {
                assertThat(largestSum).as("largest kernel sum of %s", layer).isLessThan(1e-4);
            }
        }
    }

    @Test
    void theSeedDecidesTheWeights() {
        Vgg19Weights again = WeightsSource.untrained(3).load();
        Vgg19Weights other = WeightsSource.untrained(4).load();
        for (VggLayer layer : VggLayer.values()) {
            assertThat(again.kernel(layer).equals(WEIGHTS.kernel(layer))).as("same seed, %s", layer).isTrue();
        }
        assertThat(other.kernel(VggLayer.BLOCK3_CONV1).equals(WEIGHTS.kernel(VggLayer.BLOCK3_CONV1))).isFalse();
    }

    @Test
    void saysWhatItIsAndThatRunsShouldNormalise() {
        WeightsSource source = WeightsSource.untrained(3);
        assertThat(source.description()).isEqualTo("untrained (seed 3)");
        assertThat(source.untrained()).isTrue();
        assertThat(source.cached().untrained()).isTrue();
        assertThat(WeightsSource.random(3).untrained()).isFalse();
    }
}
