package io.github.nst4j.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.nst4j.network.InputConvention;
import io.github.nst4j.network.Vgg19Weights;
import io.github.nst4j.network.VggLayer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The untrained weights are what their recipe says: He-normal kernels, zero biases, seeded. */
class UntrainedWeightsSourceTest {
    private static final Vgg19Weights WEIGHTS = WeightsSource.untrained(3).load();

    @Test
    void everyLayerHasHesScaleAndZeroBiases() {
        for (VggLayer layer : VggLayer.values()) {
            double expected = Math.sqrt(2.0 / (9 * layer.inputChannels()));
            INDArray kernel = WEIGHTS.kernel(layer).castTo(DataType.DOUBLE);
            double rms = Math.sqrt(kernel.mul(kernel).meanNumber().doubleValue());
            // A sample's RMS varies by about 1/√(2n) of itself: within four times that.
            double tolerance = 4 / Math.sqrt(2.0 * kernel.length()) * expected;
            assertThat(rms).as("RMS of %s's kernel", layer).isCloseTo(expected, within(tolerance));
            assertThat(WEIGHTS.bias(layer).amaxNumber().doubleValue()).as("bias of %s", layer).isZero();
        }
        assertThat(WEIGHTS.inputConvention()).isEqualTo(InputConvention.TORCH);
    }

    /** Gaussian, not just scaled: the mean absolute value is √(2/π) standard deviations. */
    @Test
    void kernelsAreGaussianAroundZero() {
        INDArray kernel = WEIGHTS.kernel(VggLayer.BLOCK3_CONV1);
        double std = Math.sqrt(2.0 / (9 * VggLayer.BLOCK3_CONV1.inputChannels()));
        double withinOneStd = kernel.dup().muli(1 / std).norm1Number().doubleValue() / kernel.length();
        // E|X| of a standard normal is √(2/π) ≈ 0.798; a uniform of the same variance would give 0.866.
        assertThat(withinOneStd).as("mean |value| in standard deviations").isCloseTo(Math.sqrt(2 / Math.PI), within(0.01));
        assertThat(kernel.meanNumber().doubleValue()).as("mean").isCloseTo(0, within(0.01 * std));
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
        assertThat(source.runDefaults()).isEqualTo(WeightsDefaults.UNTRAINED);
        assertThat(source.cached().runDefaults()).isEqualTo(WeightsDefaults.UNTRAINED);
        assertThat(WeightsSource.random(3).runDefaults()).isEqualTo(WeightsDefaults.TRAINED);
    }
}
