package io.github.nst4j.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nst4j.loss.LossGraph;
import io.github.nst4j.loss.LossSpec;
import io.github.nst4j.loss.Targets;
import io.github.nst4j.workaround.FrozenConv2D;
import io.github.nst4j.workaround.GatedRelu;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link FrozenConv2D} must give the image exactly the gradient SameDiff's own convolution gives it
 * (up to float rounding: the two sum the same products in a different order), while its backward
 * pass contains no {@code conv2d_bp}. The whole-objective case also covers {@link GatedRelu}: the
 * reference network uses SameDiff's own ReLU.
 */
class FrozenConv2DTest {
    /** Relative tolerance on the gradient, {@code ||frozen - plain|| / ||plain||}, for float32. */
    private static final double RELATIVE_TOLERANCE = 1e-5;

    @ParameterizedTest
    @ValueSource(strings = {Conv2DConfig.NCHW, Conv2DConfig.NHWC})
    void singleConvolutionHasTheInputGradientOfConv2d(String dataFormat) {
        Nd4j.getRandom().setSeed(11);
        boolean channelsLast = dataFormat.equals(Conv2DConfig.NHWC);
        INDArray input = Nd4j.randn(DataType.FLOAT, channelsLast ? new long[] {1, 9, 7, 5} : new long[] {1, 5, 9, 7});
        INDArray kernel = Nd4j.randn(DataType.FLOAT, 3, 3, 5, 4);
        INDArray bias = Nd4j.randn(DataType.FLOAT, 4);
        INDArray weights = Nd4j.randn(DataType.FLOAT, channelsLast ? new long[] {1, 9, 7, 4} : new long[] {1, 4, 9, 7});
        Conv2DConfig config = Conv2DConfig.builder()
                .kH(3).kW(3).sH(1).sW(1).pH(1).pW(1)
                .paddingMode(PaddingMode.VALID)
                .dataFormat(dataFormat)
                .build();

        INDArray[] frozen = outputAndGradient(true, input, kernel, bias, weights, config);
        INDArray[] plain = outputAndGradient(false, input, kernel, bias, weights, config);

        assertThat(relativeDifference(frozen[0], plain[0])).isLessThanOrEqualTo(RELATIVE_TOLERANCE);
        assertThat(relativeDifference(frozen[1], plain[1])).isLessThanOrEqualTo(RELATIVE_TOLERANCE);
    }

    /** {@code [output, d sum(output * weights) / d input]} of one convolution. */
    private static INDArray[] outputAndGradient(boolean frozen, INDArray input, INDArray kernel, INDArray bias,
            INDArray weights, Conv2DConfig config) {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.var("x", input.dup());
        SDVariable w = sd.constant("w", kernel);
        SDVariable b = sd.constant("b", bias);
        SDVariable y = frozen
                ? FrozenConv2D.apply(sd, "y", x, w, b, config)
                : sd.cnn().conv2d("y", x, w, b, config);
        y.mul(sd.constant("weights", weights)).sum("loss");
        sd.setLossVariables("loss");
        var result = sd.calculateGradientsAndOutputs(Map.of(), List.of("y"), List.of("x"));
        return new INDArray[] {result.getOutputs().get("y"), result.getGradients().get("x")};
    }

    @Test
    void wholeObjectiveHasTheImageGradientOfConv2dWithoutConv2dBp() {
        Vgg19Weights weights = TestWeights.random(7);
        LossSpec spec = new LossSpec(java.util.Set.of(VggLayer.BLOCK4_CONV2), Map.of(VggLayer.BLOCK1_CONV1, 1.0,
                VggLayer.BLOCK2_CONV1, 1.0, VggLayer.BLOCK3_CONV1, 1.0, VggLayer.BLOCK4_CONV1, 1.0,
                VggLayer.BLOCK5_CONV1, 1.0), 5, 100, 1e-3);
        Nd4j.getRandom().setSeed(3);
        INDArray content = Nd4j.rand(DataType.FLOAT, 1, 3, 40, 48).muli(255);
        INDArray style = Nd4j.rand(DataType.FLOAT, 1, 3, 40, 48).muli(255);
        INDArray image = Nd4j.rand(DataType.FLOAT, 1, 3, 40, 48).muli(255);

        FeatureNetwork frozen = new FeatureNetwork(weights, Pooling.AVG, true);
        FeatureNetwork plain = new FeatureNetwork(weights, Pooling.AVG, false);
        Targets targets = Targets.compute(plain, spec, content, List.of(new Targets.WeightedStyle(style, 1)), DataType.FLOAT);
        LossGraph frozenGraph = LossGraph.build(frozen, spec, targets, image, DataType.FLOAT);
        LossGraph plainGraph = LossGraph.build(plain, spec, targets, image, DataType.FLOAT);

        for (int step = 0; step < 2; step++) {
            LossGraph.Step f = frozenGraph.lossesAndGradient();
            LossGraph.Step p = plainGraph.lossesAndGradient();
            assertThat(f.losses().total()).isCloseTo(p.losses().total(),
                    org.assertj.core.data.Percentage.withPercentage(1e-4));
            assertThat(relativeDifference(f.gradient(), p.gradient())).isLessThanOrEqualTo(RELATIVE_TOLERANCE);
            frozenGraph.image().subi(f.gradient().mul(1e-3));
            plainGraph.image().subi(p.gradient().mul(1e-3));
        }

        Map<String, Long> frozenOps = opCounts(frozenGraph);
        Map<String, Long> plainOps = opCounts(plainGraph);
        assertThat(plainOps).containsKey("conv2d_bp");
        assertThat(frozenOps).doesNotContainKey("conv2d_bp");
        assertThat(plainOps).containsKey("thresholdedrelu_bp");
        assertThat(frozenOps).doesNotContainKey("thresholdedrelu_bp");
        // Backward convolutions are plain conv2d ops; the forward ones are FrozenConv2D.OP_NAME.
        assertThat(frozenOps.get("conv2d")).isEqualTo(plainOps.get("conv2d_bp"));
    }

    /**
     * Two networks on the same weights build graphs whose kernels and backward (rotated) kernels are
     * the same arrays, made once: no graph copies or recomputes them.
     */
    @Test
    void graphsOnTheSameWeightsShareTheirKernelsAndTheirRotations() {
        Vgg19Weights weights = TestWeights.random(7);
        LossSpec spec = new LossSpec(java.util.Set.of(VggLayer.BLOCK2_CONV2), Map.of(VggLayer.BLOCK1_CONV1, 1.0), 5,
                100, 0);
        Nd4j.getRandom().setSeed(3);
        INDArray content = Nd4j.rand(DataType.FLOAT, 1, 3, 32, 32).muli(255);
        INDArray[] kernels = new INDArray[2];
        INDArray[] rotated = new INDArray[2];
        for (int i = 0; i < 2; i++) {
            FeatureNetwork network = new FeatureNetwork(weights, Pooling.AVG);
            Targets targets = Targets.compute(network, spec, content, List.of(new Targets.WeightedStyle(content, 1)),
                    DataType.FLOAT);
            LossGraph graph = LossGraph.build(network, spec, targets, content.dup(), DataType.FLOAT);
            graph.lossesAndGradient();
            SameDiff gradient = graph.sameDiff().getFunction("grad");
            kernels[i] = gradient.getVariable("block2_conv1_W").getArr();
            rotated[i] = gradient.getVariable("block2_conv1_W_flipped").getArr();
        }
        assertThat(kernels[1]).isSameAs(kernels[0]);
        assertThat(rotated[1]).isSameAs(rotated[0]);
        assertThat(rotated[0].equalsWithEps(FrozenConv2D.flippedTransposed(kernels[0]), 0)).isTrue();
    }

    private static Map<String, Long> opCounts(LossGraph graph) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (SameDiffOp op : graph.sameDiff().getFunction("grad").getOps().values()) {
            counts.merge(op.getOp().opName(), 1L, Long::sum);
        }
        return counts;
    }

    private static double relativeDifference(INDArray actual, INDArray expected) {
        return actual.castTo(DataType.DOUBLE).sub(expected.castTo(DataType.DOUBLE)).norm2Number().doubleValue()
                / expected.castTo(DataType.DOUBLE).norm2Number().doubleValue();
    }
}
