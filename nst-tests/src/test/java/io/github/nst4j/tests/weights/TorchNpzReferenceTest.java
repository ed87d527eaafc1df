package io.github.nst4j.tests.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.github.nst4j.loss.GramMatrix;
import io.github.nst4j.network.FeatureNetwork;
import io.github.nst4j.network.InputConvention;
import io.github.nst4j.network.Pooling;
import io.github.nst4j.network.Vgg19Weights;
import io.github.nst4j.network.VggLayer;
import io.github.nst4j.tests.support.Tensors;
import io.github.nst4j.tests.support.TorchVggReferenceFixture;
import io.github.nst4j.weights.NpzWeights;
import io.github.nst4j.weights.WeightsSource;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Proves, against an independent PyTorch computation, that VGG19 weights in nst4j's {@code .npz}
 * layout ({@code [out, in, 3, 3]}, PyTorch's order) with the {@code torch} input convention give
 * the activations and Gram matrices PyTorch gives. This covers the whole path a torchvision user
 * takes: {@link NpzWeights} layout, {@link WeightsSource#file} format detection and its default
 * {@link InputConvention#TORCH}, the convention's RGB order, 0-1 range, mean and std, and
 * {@link FeatureNetwork}'s kernel orientation, padding and average pooling.
 *
 * <p>The real weights (80 MB) cannot be committed, so both sides compute the same formula weights
 * (see {@link #kernel}); the fixture {@code reference/torch_vgg_reference.txt} holds the seeded
 * 32x48 input pixels, PyTorch's {@code block4_conv2} activations and the Gram matrices of
 * {@code block1_conv1 … block5_conv1} (all entries for blocks 1-2, diagonal and row 0 for 3-5).
 * It is written by {@code generate_torch_vgg_reference.py} next to it, which documents the formula,
 * the format and how to regenerate it.
 *
 * <p>Tolerance, per element: {@code |java − torch| <= 1e-4 · maxAbs(torch tensor)}. PyTorch
 * computes in float64; nst4j in float32 from the same float32 weights, so the two differ by float32
 * rounding of the input normalisation and of every 3x3xC dot product, accumulated over up to 13
 * layers. Measured (two successive nst-core versions, which sum in a slightly different order): 1.0e-5
 * to 1.3e-5 of the scale for the block4_conv2 activations, 2e-7 to 1.4e-5 for the Gram matrices
 * (see the printed figures), so the bound has a margin of 7x or more. The bound is relative to the tensor's largest magnitude
 * rather than to each element because that rounding error scales with the tensor, not with the
 * element: ReLU outputs near zero come from cancelling sums of large terms and carry the same
 * absolute error as large ones, so an element-wise relative bound would fail on them for no
 * reason. Any real mistake (channel order, range, mean/std, a transposed kernel, wrong padding or
 * pooling) changes values by a sizeable fraction of the scale: kernels written with height and
 * width swapped were off by 0.1 to 1.9 of the scale, and the Caffe convention on the same weights
 * (checked here to be off by more than 10%) is off by 46 to 7000 times the scale.
 */
class TorchNpzReferenceTest {
    private static final double RELATIVE_TOLERANCE = 1e-4;
    /** A convention mismatch must be off by at least this fraction of the scale (1000x the tolerance). */
    private static final double MISMATCH_THRESHOLD = 0.1;
    private static final VggLayer CONTENT_LAYER = VggLayer.BLOCK4_CONV2;
    private static final List<VggLayer> GRAM_FULL = List.of(VggLayer.BLOCK1_CONV1, VggLayer.BLOCK2_CONV1);
    private static final List<VggLayer> GRAM_PARTIAL = List.of(VggLayer.BLOCK3_CONV1, VggLayer.BLOCK4_CONV1,
            VggLayer.BLOCK5_CONV1);
    private static final List<VggLayer> LAYERS = List.of(VggLayer.BLOCK1_CONV1, VggLayer.BLOCK2_CONV1,
            VggLayer.BLOCK3_CONV1, VggLayer.BLOCK4_CONV1, VggLayer.BLOCK4_CONV2, VggLayer.BLOCK5_CONV1);

    @TempDir
    static Path tempDir;

    private static TorchVggReferenceFixture fixture;
    private static INDArray pixels;
    /** The formula weights after a round trip through an .npz file. */
    private static Vgg19Weights npzWeights;

    @BeforeAll
    static void writeAndLoadFormulaWeights() throws IOException {
        fixture = TorchVggReferenceFixture.load();
        TorchVggReferenceFixture.Entry input = fixture.get("pixels", "input");
        pixels = Nd4j.create(input.values(), input.shape(), DataType.DOUBLE).castTo(DataType.FLOAT);

        long start = System.nanoTime();
        // Declared CAFFE in memory on purpose: the .npz stores no convention, so TORCH after loading
        // can only come from the format's default.
        Vgg19Weights formula = formulaWeights(InputConvention.CAFFE);
        Path npz = tempDir.resolve("formula_vgg19.npz");
        NpzWeights.write(formula, npz);
        npzWeights = WeightsSource.file(npz).load();
        System.out.printf("formula weights computed, written (%.1f MB) and loaded in %.1f s%n",
                npz.toFile().length() / 1e6, (System.nanoTime() - start) / 1e9);
    }

    @Test
    void npzWeightsDeclareTheTorchConvention() {
        assertThat(npzWeights.inputConvention()).isEqualTo(InputConvention.TORCH);
    }

    @Test
    void javaFormulaWeightsMatchThePythonGenerator() {
        // Guards the comparison below: if this fails, the Java and Python formulas differ and the
        // activation mismatch says nothing about nst4j. sin/cos may differ by an ulp between NumPy
        // and Java, so allow far more than that (1e-9 of sum|w|) but far less than any formula change.
        double worst = 0;
        for (VggLayer layer : VggLayer.values()) {
            double[] expected = fixture.get("weight_stats", layer.layerName()).values();
            double[] actual = weightStats(npzWeights, layer);
            double allowed = 1e-9 * expected[0];
            for (int i = 0; i < 3; i++) {
                worst = Math.max(worst, Math.abs(actual[i] - expected[i]) / expected[0]);
            }
            for (int i = 0; i < 3; i++) {
                assertThat(actual[i]).as("%s weight_stats[%d] (sum|w|, position-weighted sum w, sum b)", layer, i)
                        .isCloseTo(expected[i], offset(allowed));
            }
        }
        System.out.printf("weight_stats: max |java - python| = %.2e of sum|w|%n", worst);
    }

    @Test
    void torchConventionMatchesPyTorch() {
        Map<String, double[]> errors = compare(npzWeights);
        errors.forEach((what, e) -> System.out.printf("torch convention vs PyTorch: %-28s maxAbs %.4e  max |java - "
                + "torch| %.3e = %.2e of maxAbs%n", what, e[1], e[0] * e[1], e[0]));
        errors.forEach((what, e) -> {
            assertThat(e[1]).as("%s: reference is all zero; the comparison would prove nothing", what)
                    .isGreaterThan(0);
            assertThat(e[0]).as("%s: max |java - torch| / maxAbs(torch) = %.3e, allowed %.0e", what, e[0],
                    RELATIVE_TOLERANCE).isLessThanOrEqualTo(RELATIVE_TOLERANCE);
        });
    }

    @Test
    void deepestLayerIsAlive() {
        // If block5_conv1 were all zero (dead ReLUs), its Gram comparison would be vacuous.
        INDArray block5 = new FeatureNetwork(npzWeights, Pooling.AVG)
                .activations(pixels, List.of(VggLayer.BLOCK5_CONV1), DataType.FLOAT).get(VggLayer.BLOCK5_CONV1);
        double nonZero = block5.neq(0).castTo(DataType.DOUBLE).meanNumber().doubleValue();
        System.out.printf("block5_conv1: %.1f%% of activations non-zero, maxAbs %.4e%n", 100 * nonZero,
                block5.amaxNumber().doubleValue());
        assertThat(nonZero).as("fraction of non-zero block5_conv1 activations").isGreaterThan(0.25);
    }

    @Test
    void caffeConventionOnTheSameWeightsDoesNotMatch() {
        Map<String, double[]> errors = compare(npzWeights.withInputConvention(InputConvention.CAFFE));
        errors.forEach((what, e) -> System.out.printf("caffe convention vs PyTorch: %-28s max |java - torch| = %.2e "
                + "of maxAbs%n", what, e[0]));
        errors.forEach((what, e) -> assertThat(e[0])
                .as("%s: the CAFFE convention should not reproduce PyTorch's torch-convention values", what)
                .isGreaterThan(MISMATCH_THRESHOLD));
    }

    /**
     * Runs the network on the fixture pixels and compares with every reference tensor. Returns, per
     * tensor, {max |java − torch| / maxAbs(torch), maxAbs(torch)}.
     */
    private static Map<String, double[]> compare(Vgg19Weights weights) {
        Map<VggLayer, INDArray> activations = new FeatureNetwork(weights, Pooling.AVG)
                .activations(pixels, LAYERS, DataType.FLOAT);
        Map<String, double[]> errors = new LinkedHashMap<>();

        TorchVggReferenceFixture.Entry content = fixture.get("activations", CONTENT_LAYER.layerName());
        INDArray features = activations.get(CONTENT_LAYER);
        assertThat(features.shape()).as("%s shape", CONTENT_LAYER).containsExactly(content.shape());
        errors.put("activations " + CONTENT_LAYER, error(flat(features), content.values()));

        Map<VggLayer, double[][]> grams = new EnumMap<>(VggLayer.class);
        for (VggLayer layer : LAYERS) {
            if (layer != CONTENT_LAYER) {
                grams.put(layer, toMatrix(GramMatrix.of(Tensors.channelsLast(activations.get(layer)))));
            }
        }
        for (VggLayer layer : GRAM_FULL) {
            TorchVggReferenceFixture.Entry expected = fixture.get("gram_full", layer.layerName());
            double[][] g = grams.get(layer);
            assertThat(new long[] {g.length, g.length}).as("%s Gram shape", layer).containsExactly(expected.shape());
            double[] all = new double[g.length * g.length];
            for (int r = 0; r < g.length; r++) {
                System.arraycopy(g[r], 0, all, r * g.length, g.length);
            }
            errors.put("gram_full " + layer, error(all, expected.values()));
        }
        for (VggLayer layer : GRAM_PARTIAL) {
            double[][] g = grams.get(layer);
            double[] diagonal = new double[g.length];
            for (int c = 0; c < g.length; c++) {
                diagonal[c] = g[c][c];
            }
            errors.put("gram_diagonal " + layer,
                    error(diagonal, fixture.get("gram_diagonal", layer.layerName()).values()));
            errors.put("gram_row0 " + layer, error(g[0], fixture.get("gram_row0", layer.layerName()).values()));
        }
        return errors;
    }

    /** {max |actual − expected| / maxAbs(expected), maxAbs(expected)}. */
    private static double[] error(double[] actual, double[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        double maxAbs = 0;
        double maxDiff = 0;
        for (int i = 0; i < expected.length; i++) {
            maxAbs = Math.max(maxAbs, Math.abs(expected[i]));
            maxDiff = Math.max(maxDiff, Math.abs(actual[i] - expected[i]));
        }
        return new double[] {maxAbs == 0 ? Double.POSITIVE_INFINITY : maxDiff / maxAbs, maxAbs};
    }

    private static double[] flat(INDArray a) {
        return a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }

    private static double[][] toMatrix(INDArray gram) {
        assertThat(gram.rank()).isEqualTo(2);
        int c = (int) gram.size(0);
        double[] values = flat(gram);
        double[][] matrix = new double[c][c];
        for (int r = 0; r < c; r++) {
            System.arraycopy(values, r * c, matrix[r], 0, c);
        }
        return matrix;
    }

    // ---- the formula weights, identical to generate_torch_vgg_reference.py ----

    private static Vgg19Weights formulaWeights(InputConvention convention) {
        Map<VggLayer, INDArray> kernels = new EnumMap<>(VggLayer.class);
        Map<VggLayer, INDArray> biases = new EnumMap<>(VggLayer.class);
        for (VggLayer layer : VggLayer.values()) {
            int l = layer.ordinal();
            int in = layer.inputChannels();
            int out = layer.channels();
            kernels.put(layer, Nd4j.create(kernel(l, in, out), new long[] {out, in, 3, 3}, DataType.FLOAT));
            biases.put(layer, Nd4j.create(bias(l, out), new long[] {out}, DataType.FLOAT));
        }
        return Vgg19Weights.of(kernels, biases, convention);
    }

    /**
     * Kernel {@code [out, in, 3, 3]} of layer {@code l} (0 = block1_conv1 … 15 = block5_conv4), C
     * order: {@code float32(sin(0.37o + 0.73i + 1.3y + 2.1x + 0.5l + 0.0123·(o·i)) · sqrt(8 / (9·in)))},
     * in float64 with the operations in the same order as the Python generator.
     */
    static float[] kernel(int l, int in, int out) {
        double scale = Math.sqrt(8.0 / (9 * in));
        float[] w = new float[out * in * 9];
        int k = 0;
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                for (int y = 0; y < 3; y++) {
                    for (int x = 0; x < 3; x++) {
                        double phase = 0.37 * o + 0.73 * i + 1.3 * y + 2.1 * x + 0.5 * l + 0.0123 * ((double) o * i);
                        w[k++] = (float) (Math.sin(phase) * scale);
                    }
                }
            }
        }
        return w;
    }

    /** Bias {@code [out]} of layer {@code l}: {@code float32(0.001 · cos(o + l))}. */
    static float[] bias(int l, int out) {
        float[] b = new float[out];
        for (int o = 0; o < out; o++) {
            b[o] = (float) (0.001 * Math.cos((double) (o + l)));
        }
        return b;
    }

    /** sum|w|, sum w[k]·(k mod 10 − 4.5) over the C-order index k, and sum b, as the generator writes. */
    private static double[] weightStats(Vgg19Weights weights, VggLayer layer) {
        double[] w = flat(weights.kernel(layer));
        double sumAbs = 0;
        double positional = 0;
        for (int k = 0; k < w.length; k++) {
            sumAbs += Math.abs(w[k]);
            positional += w[k] * (k % 10 - 4.5);
        }
        double sumBias = 0;
        for (double b : flat(weights.bias(layer))) {
            sumBias += b;
        }
        return new double[] {sumAbs, positional, sumBias};
    }
}
