package io.github.nst4j.fast;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nst4j.Defaults;
import io.github.nst4j.listener.LossValues;
import io.github.nst4j.loss.LossSpec;
import io.github.nst4j.loss.Targets;
import io.github.nst4j.network.FeatureNetwork;
import io.github.nst4j.network.InputConvention;
import io.github.nst4j.network.Vgg19Weights;
import io.github.nst4j.network.VggLayer;
import io.github.nst4j.storage.NpzArchive;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One training step against an independent float64 PyTorch computation on the same weights
 * ({@code src/test/resources/fast/make_training_reference.py}, which says what the fixture holds and
 * how to make it again): the transformer's output, the weighted losses, every parameter's gradient
 * with raw and with normalised term gradients (a batch's gradient is the mean of its two images',
 * each normalised on its own), and every parameter's change after two Adam steps.
 * Both sides draw the weights from one integer hash, so neither VGG19's nor the network's weights
 * are stored.
 *
 * <p>The graph in double precision matches to the fixture's own float32 rounding: losses within
 * 1e-9 relative (measured 1e-15), gradients and Adam's changes within 1e-6 of their array's largest
 * magnitude or of the learning rate (measured up to 6e-8 and 1.2e-7). The float32 pipeline that
 * trains: output within 1e-5 of its largest magnitude (measured 2e-6), losses within 1e-4 relative
 * (measured 1.1e-6), gradients of the residual blocks and the decoder within 1e-4 (measured up to
 * 1.5e-5), those of the encoder (the three convolutions and norms before the residual blocks)
 * within 3e-2 (measured up to 1.2e-2): libnd4j's float32 rounds there far more than PyTorch's
 * (1.2e-5 on the same arrays), while the double run shows the graph itself right.
 * The bias of a convolution followed by an instance norm has gradient 0 (the norm removes any
 * constant it adds), so it is compared on the scale of its kernel's gradient.
 */
class TrainingReferenceTest {
    private static final TransformerSize SIZE = new TransformerSize(4, 8, 16, 1);
    private static final int CROP = 32;
    private static final Map<VggLayer, Double> STYLE_LAYERS = Map.of(VggLayer.BLOCK1_CONV1, 1.0,
            VggLayer.BLOCK2_CONV1, 0.5, VggLayer.BLOCK3_CONV1, 2.0);
    private static final double LEARNING_RATE = 1e-3;
    private static final int VGG_SALT = 1000;
    private static final Set<String> ENCODER = Set.of("conv1", "in1", "conv2", "in2", "conv3", "in3");

    private static Map<String, INDArray> fixture;
    private static FeatureNetwork network;

    @BeforeAll
    static void load() throws IOException, URISyntaxException {
        fixture = NpzArchive.read(Path.of(TrainingReferenceTest.class.getResource("/fast/training_reference.npz").toURI()));
        network = new FeatureNetwork(vggWeights(), Defaults.POOLING);
    }

    @Test
    void theNetworksOutputMatches() {
        SameDiff sd = SameDiff.create();
        SDVariable input = sd.placeHolder("pixels", DataType.FLOAT, -1, 3, CROP, CROP);
        SDVariable output = TransformerNet.build(sd, input, SIZE, transformerWeights(DataType.FLOAT));
        INDArray actual = sd.output(Map.of("pixels", pixels("batch1")), output.name()).get(output.name());

        assertClose("output", actual, fixture.get("output"), fixture.get("output"), 1e-5);
    }

    @ParameterizedTest(name = "normalised gradients: {0}")
    @ValueSource(booleans = {false, true})
    void oneFloatStepMatches(boolean normalized) {
        checkStep(normalized, DataType.FLOAT, 1e-4, name -> ENCODER.contains(name.substring(0, name.indexOf('_')))
                ? 3e-2 : 1e-4);
    }

    @ParameterizedTest(name = "normalised gradients: {0}")
    @ValueSource(booleans = {false, true})
    void oneDoubleStepMatches(boolean normalized) {
        checkStep(normalized, DataType.DOUBLE, 1e-9, name -> 1e-6);
    }

    /**
     * In double precision: in float32 the biases whose true gradient is 0 get rounding noise near
     * Adam's epsilon, which it turns into steps of up to a whole learning rate (as harmless as the
     * biases themselves).
     */
    @Test
    void twoAdamStepsMatch() {
        Map<String, INDArray> weights = transformerWeights(DataType.DOUBLE);
        Map<String, INDArray> start = new LinkedHashMap<>();
        weights.forEach((name, value) -> start.put(name, value.dup()));
        AdamSteps adam = new AdamSteps(LEARNING_RATE, weights, null);
        try (TrainingGraph graph = TrainingGraph.build(network, spec(true), styleGrams(DataType.DOUBLE), SIZE, weights,
                CROP, DataType.DOUBLE)) {
            for (int step = 0; step < 2; step++) {
                adam.apply(weights, graph.step(pixels(step == 0 ? "batch1" : "batch2")).gradients(), step);
            }
        }
        INDArray oneStep = Nd4j.scalar(LEARNING_RATE);
        weights.forEach((name, value) ->
                assertClose("change of " + name, value.sub(start.get(name)), fixture.get("adam2/" + name), oneStep, 1e-6));
    }

    private static void checkStep(boolean normalized, DataType type, double lossTolerance,
            ToDoubleFunction<String> gradientTolerance) {
        TrainingGraph.Step step;
        try (TrainingGraph graph = TrainingGraph.build(network, spec(normalized), styleGrams(type), SIZE,
                transformerWeights(type), CROP, type)) {
            step = graph.step(pixels("batch1"));
        }
        LossValues losses = step.losses();
        assertRelative("content loss", losses.content(), fixture.get("losses_content").getDouble(0), lossTolerance);
        assertRelative("style loss", losses.style(), fixture.get("losses_style").getDouble(0), lossTolerance);
        assertRelative("TV loss", losses.totalVariation(), fixture.get("losses_tv").getDouble(0), lossTolerance);
        String prefix = normalized ? "normalized/" : "raw/";
        assertThat(step.gradients()).hasSize(30);
        step.gradients().forEach((name, gradient) -> {
            assertClose(prefix + name, gradient, fixture.get(prefix + name), fixture.get(prefix + scaleOf(name)),
                    gradientTolerance.applyAsDouble(name));
        });
    }

    private static LossSpec spec(boolean normalized) {
        return new LossSpec(Set.of(VggLayer.BLOCK2_CONV2), STYLE_LAYERS, 5, 100, 1e-4, normalized);
    }

    /** A uint8 image batch of the fixture as float pixels. */
    private static INDArray pixels(String name) {
        return fixture.get(name).castTo(DataType.FLOAT);
    }

    private static void assertRelative(String what, double actual, double expected, double tolerance) {
        assertThat(Math.abs(actual - expected)).as("%s: %s, reference %s", what, actual, expected)
                .isLessThanOrEqualTo(tolerance * Math.abs(expected));
    }

    /**
     * The parameter whose gradient sets the scale of {@code name}'s: a parameter with gradient 0
     * takes its layer's other one. That is every convolution's bias but the last's, and the last
     * shift of every residual block (the next convolution and instance norm remove the constant it adds).
     */
    private static String scaleOf(String name) {
        if (name.endsWith("_b") && !name.equals("deconv3_b")) {
            return name.replace("_b", "_W");
        }
        return name.matches("res\\d+_in2_beta") ? name.replace("_beta", "_gamma") : name;
    }

    /** Every element within {@code tolerance} times the largest magnitude of {@code scale}. */
    private static void assertClose(String what, INDArray actual, INDArray expected, INDArray scale, double tolerance) {
        INDArray reference = expected.castTo(DataType.DOUBLE);
        double error = actual.castTo(DataType.DOUBLE).reshape(reference.shape()).sub(reference).amaxNumber().doubleValue();
        double largest = scale.amaxNumber().doubleValue();
        assertThat(error).as("%s: largest error (%.2g of the scale)", what, error / largest)
                .isLessThanOrEqualTo(tolerance * largest);
    }

    private static Map<VggLayer, INDArray> styleGrams(DataType type) {
        return Targets.compute(network, spec(false), null,
                List.of(new Targets.WeightedStyle(pixels("style").reshape(1, 3, CROP, CROP), 1)), type)
                .guides().get(0).grams();
    }

    /**
     * The network's parameters as the script draws them: parameter {@code i} in build order from
     * salt {@code i + 1}, kernels and biases uniform in ±1/√(fan-in), scales {@code 1 + 0.2u},
     * shifts {@code 0.1u}.
     */
    private static Map<String, INDArray> transformerWeights(DataType type) {
        Map<String, INDArray> weights = new LinkedHashMap<>();
        long fanIn = 1;
        int salt = 1;
        for (Map.Entry<String, INDArray> entry : TransformerNet.initialWeights(SIZE, 0).entrySet()) {
            String name = entry.getKey();
            long[] shape = entry.getValue().shape();
            double[] u = uniform(salt++, (int) entry.getValue().length());
            if (name.endsWith("_W")) {
                fanIn = shape[0] * shape[1] * shape[2];
            }
            float[] values = new float[u.length];
            for (int k = 0; k < u.length; k++) {
                values[k] = (float) (name.endsWith("_gamma") ? 1 + 0.2 * u[k]
                        : name.endsWith("_beta") ? 0.1 * u[k] : u[k] / Math.sqrt(fanIn));
            }
            weights.put(name, Nd4j.create(values, shape, DataType.FLOAT).castTo(type));
        }
        return weights;
    }

    /**
     * VGG19 as the script draws it up to {@code block3_conv1}, the deepest layer the loss reads:
     * kernels He-scaled uniform from salt 1000 + layer, biases 0.01u from salt 2000 + layer. The
     * deeper layers, never built, are zeros.
     */
    private static Vgg19Weights vggWeights() {
        Map<VggLayer, INDArray> kernels = new EnumMap<>(VggLayer.class);
        Map<VggLayer, INDArray> biases = new EnumMap<>(VggLayer.class);
        for (VggLayer layer : VggLayer.values()) {
            long[] shape = {layer.channels(), layer.inputChannels(), 3, 3};
            if (layer.compareTo(VggLayer.BLOCK3_CONV1) > 0) {
                kernels.put(layer, Nd4j.zeros(DataType.FLOAT, shape));
                biases.put(layer, Nd4j.zeros(DataType.FLOAT, layer.channels()));
                continue;
            }
            double bound = Math.sqrt(6.0 / (layer.inputChannels() * 9));
            double[] u = uniform(VGG_SALT + layer.ordinal(), layer.channels() * layer.inputChannels() * 9);
            float[] kernel = new float[u.length];
            for (int k = 0; k < u.length; k++) {
                kernel[k] = (float) (u[k] * bound);
            }
            double[] b = uniform(2 * VGG_SALT + layer.ordinal(), layer.channels());
            float[] bias = new float[b.length];
            for (int k = 0; k < b.length; k++) {
                bias[k] = (float) (b[k] * 0.01);
            }
            kernels.put(layer, Nd4j.create(kernel, shape, DataType.FLOAT));
            biases.put(layer, Nd4j.createFromArray(bias));
        }
        return Vgg19Weights.of(kernels, biases, InputConvention.TORCH);
    }

    /** {@code count} values in [-1, 1): SplitMix64's finaliser of {@code salt·2³² + i}, its top 53 bits. */
    private static double[] uniform(long salt, int count) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            long z = (salt << 32) + i;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            z = z ^ (z >>> 31);
            values[i] = (z >>> 11) * 0x1.0p-53 * 2 - 1;
        }
        return values;
    }
}
