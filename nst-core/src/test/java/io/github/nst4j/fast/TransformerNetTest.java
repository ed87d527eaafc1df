package io.github.nst4j.fast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** The transformation network's shapes, initialisation and gradients, on a tiny variant. */
class TransformerNetTest {
    static final TransformerSize TINY = new TransformerSize(4, 8, 16, 1);

    @Test
    void outputsRoundEachSideUpToAMultipleOfFour() {
        SameDiff sd = SameDiff.create();
        SDVariable pixels = sd.placeHolder("pixels", DataType.FLOAT, -1, 3, -1, -1);
        SDVariable output = TransformerNet.build(sd, pixels, TINY, TransformerNet.initialWeights(TINY, 1));

        for (int[] size : new int[][] {{13, 18}, {8, 8}, {5, 7}, {21, 9}}) {
            INDArray input = Nd4j.rand(DataType.FLOAT, 2, 3, size[0], size[1]).muli(255);
            INDArray result = sd.output(Map.of("pixels", input), output.name()).get(output.name());
            assertThat(result.shape()).containsExactly(2, 3,
                    TransformerNet.outputSide(size[0]), TransformerNet.outputSide(size[1]));
        }
        assertThat(TransformerNet.outputSide(13)).isEqualTo(16);
        assertThat(TransformerNet.outputSide(16)).isEqualTo(16);
    }

    @Test
    void theSeedFixesTheInitialWeights() {
        Map<String, INDArray> first = TransformerNet.initialWeights(TINY, 7);
        Map<String, INDArray> again = TransformerNet.initialWeights(TINY, 7);
        Map<String, INDArray> other = TransformerNet.initialWeights(TINY, 8);

        assertThat(first).containsOnlyKeys(again.keySet()).containsKeys("conv1_W", "res1_in2_gamma", "deconv3_b");
        assertThat(first.get("conv1_W").shape()).containsExactly(9, 9, 3, 4);
        first.forEach((name, value) -> assertThat(value).as(name).isEqualTo(again.get(name)));
        assertThat(first.get("deconv2_W")).isNotEqualTo(other.get("deconv2_W"));
        // PyTorch's bound for a 3x3 convolution from 8 channels.
        assertThat(first.get("conv3_W").amaxNumber().doubleValue()).isLessThanOrEqualTo(1 / Math.sqrt(72));
    }

    /** The first outputs are mid-grey, the ImageNet mean pixel, whatever the input. */
    @Test
    void theInitialOutputIsTheMeanPixel() {
        SameDiff sd = SameDiff.create();
        SDVariable pixels = sd.placeHolder("pixels", DataType.FLOAT, -1, 3, -1, -1);
        SDVariable output = TransformerNet.build(sd, pixels, TINY, TransformerNet.initialWeights(TINY, 3));
        Nd4j.getRandom().setSeed(3);
        INDArray input = Nd4j.rand(DataType.FLOAT, 2, 3, 16, 20).muli(255);

        INDArray result = sd.output(Map.of("pixels", input), output.name()).get(output.name());
        for (int channel = 0; channel < 3; channel++) {
            INDArray plane = result.get(NDArrayIndex.all(), NDArrayIndex.point(channel));
            double expected = TransformerNet.INITIAL_OUTPUT[channel];
            assertThat(plane.minNumber().doubleValue()).as("channel %d", channel).isGreaterThan(expected - 5);
            assertThat(plane.maxNumber().doubleValue()).as("channel %d", channel).isLessThan(expected + 5);
        }
    }

    /**
     * SameDiff's gradients of {@code Σ output · r} with respect to parameters of every kind of layer,
     * against central differences in double precision.
     */
    @Tag("evidence") // double-precision central differences through every layer type: 11 s
    @Test
    void gradientsMatchFiniteDifferences() {
        Map<String, INDArray> weights = TransformerNet.initialWeights(TINY, 5).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().castTo(DataType.DOUBLE)));
        Nd4j.getRandom().setSeed(5);
        // Away from zero, so that no instance norm sees a constant channel.
        weights.replaceAll((name, value) -> name.endsWith("_gamma") || name.endsWith("_beta")
                ? value.add(Nd4j.rand(DataType.DOUBLE, value.shape()).subi(0.5)) : value);
        INDArray input = Nd4j.rand(DataType.DOUBLE, 2, 3, 8, 12).muli(255);
        INDArray r = Nd4j.randn(DataType.DOUBLE, 2, 3, 8, 12);
        SameDiff sd = SameDiff.create();
        SDVariable output = TransformerNet.build(sd, sd.constant("pixels", input), TINY, weights);
        output.mul(sd.constant(r)).sum("loss");
        sd.setLossVariables("loss");
        List<String> checked = List.of("conv1_W", "in1_gamma", "res1_conv1_W", "res1_in2_beta", "deconv1_W",
                "deconv3_b");
        Map<String, INDArray> gradients = sd.calculateGradients(Map.of(), checked);

        for (String name : checked) {
            INDArray parameter = weights.get(name);
            long index = parameter.length() / 2;
            double numeric = centralDifference(sd, parameter, index);
            assertThat(gradients.get(name).getDouble(index)).as(name + "[" + index + "]")
                    .isCloseTo(numeric, within(1e-6 * Math.max(1, Math.abs(numeric))));
        }
    }

    private static double centralDifference(SameDiff sd, INDArray parameter, long index) {
        double h = 1e-5;
        double original = parameter.getDouble(index);
        parameter.putScalar(index, original + h);
        double plus = loss(sd);
        parameter.putScalar(index, original - h);
        double minus = loss(sd);
        parameter.putScalar(index, original);
        return (plus - minus) / (2 * h);
    }

    private static double loss(SameDiff sd) {
        return sd.output(Map.of(), "loss").get("loss").getDouble(0);
    }
}
