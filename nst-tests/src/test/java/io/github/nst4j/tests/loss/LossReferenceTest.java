package io.github.nst4j.tests.loss;

import static io.github.nst4j.tests.support.Tensors.channelsLast;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.nst4j.loss.ContentLoss;
import io.github.nst4j.loss.GramMatrix;
import io.github.nst4j.loss.StyleLoss;
import io.github.nst4j.loss.TotalVariationLoss;
import io.github.nst4j.tests.support.LossReferenceCase;
import io.github.nst4j.tests.support.LossReferenceFixture;
import io.github.nst4j.tests.support.Tensors;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Checks nst4j's SameDiff loss code (Gram matrix, content, style and total-variation losses, and
 * {@link GramMatrix#of}) against independent float64 NumPy values from
 * {@code src/test/resources/reference/generate_loss_reference.py}, for every fixture case and both
 * data types the library supports.
 *
 * <p>Tolerances (relative):
 * <ul>
 *   <li>FLOAT: {@value #FLOAT_TOLERANCE}. Inputs are exact in float32, so all error is float32
 *       rounding in products and in reductions of at most ~1500 terms: ~6e-8 per operation, about
 *       1e-6 in total (measured: at most 1.2e-6 for the losses, 3.6e-7 for the Gram matrices),
 *       well below 1e-5. A wrong normalisation (C·H·W vs H·W, sum vs mean, a missing ½) is off by
 *       a factor of 2 or more and fails by orders of magnitude.</li>
 *   <li>DOUBLE: {@value #DOUBLE_TOLERANCE}. A float64 graph should reproduce the float64
 *       reference to ~1e-15; the tight bound makes sure the DOUBLE path really computes in double
 *       (a silent float32 cast anywhere would leave ~1e-7 errors and fail).</li>
 * </ul>
 * Scalars: {@code |actual − ref| <= tol·|ref|}. Gram matrices, per element:
 * {@code |actual − ref| <= tol·maxAbs(ref gram)}. The rounding error of a dot product scales with
 * the sum of |products|, bounded by the largest diagonal entry, not with the entry itself, so
 * near-zero off-diagonal entries must not get a near-zero allowance.
 */
class LossReferenceTest {
    static final double FLOAT_TOLERANCE = 1e-5;
    static final double DOUBLE_TOLERANCE = 1e-12;

    private static final List<LossReferenceCase> CASES = LossReferenceFixture.load();

    /** Every fixture case in both data types, named e.g. {@code relu_8x6x11 FLOAT}. */
    static Stream<Arguments> casesAndTypes() {
        return CASES.stream().flatMap(c -> Stream.of(
                Arguments.of(c, DataType.FLOAT), Arguments.of(c, DataType.DOUBLE)));
    }

    @Test
    void fixtureHasTheGeneratedCases() {
        // generate_loss_reference.py writes 7 ReLU-like and 2 image-like cases; fewer means a
        // broken fixture or parser, and the parameterised tests below would silently shrink.
        assertThat(CASES).hasSize(9);
        assertThat(CASES).extracting(LossReferenceCase::name)
                .contains("relu_1x2x3", "relu_64x3x5", "image_3x8x13", "image_3x17x9");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("casesAndTypes")
    void gramMatrixMatchesReference(LossReferenceCase c, DataType dataType) {
        Outputs out = Outputs.evaluate(c, dataType);
        assertGram(c, "GramMatrix.build(features)", out.gram(), c.gramMatrix(), dataType);
        assertGram(c, "GramMatrix.of(target)", out.gramTarget(), c.gramTargetMatrix(), dataType);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("casesAndTypes")
    void eagerGramMatchesReference(LossReferenceCase c, DataType dataType) {
        assertGram(c, "GramMatrix.of(features)", GramMatrix.of(channelsLast(c.featuresTensor(dataType))),
                c.gramMatrix(), dataType);
        assertGram(c, "GramMatrix.of(target)", GramMatrix.of(channelsLast(c.targetTensor(dataType))),
                c.gramTargetMatrix(), dataType);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("casesAndTypes")
    void styleLossMatchesReference(LossReferenceCase c, DataType dataType) {
        assertScalar(c, "StyleLoss(gram(F), gram(T))", Outputs.evaluate(c, dataType).styleLoss(), c.styleLoss(),
                dataType);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("casesAndTypes")
    void contentLossMatchesReference(LossReferenceCase c, DataType dataType) {
        assertScalar(c, "ContentLoss(F, T)", Outputs.evaluate(c, dataType).contentLoss(), c.contentLoss(), dataType);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("casesAndTypes")
    void totalVariationLossMatchesReference(LossReferenceCase c, DataType dataType) {
        assertScalar(c, "TotalVariationLoss(F)", Outputs.evaluate(c, dataType).tvLoss(), c.tvLoss(), dataType);
    }

    private static double tolerance(DataType dataType) {
        return dataType == DataType.DOUBLE ? DOUBLE_TOLERANCE : FLOAT_TOLERANCE;
    }

    private static void assertGram(LossReferenceCase c, String what, INDArray actual, INDArray expected,
            DataType dataType) {
        String label = c + " " + dataType + " " + what;
        assertThat(actual.dataType()).as("%s data type", label).isEqualTo(dataType);
        assertThat(actual.shape()).as("%s shape", label).containsExactly(expected.shape());
        double scale = Tensors.maxAbs(expected);
        double diff = Tensors.maxAbsDiff(actual, expected);
        double allowed = tolerance(dataType) * scale;
        System.out.printf("%-13s %-6s %-26s max |diff| %.3e = %.3e of maxAbs %.4g%n", c, dataType, what, diff,
                diff / scale, scale);
        assertThat(diff).as("%s: max |actual - reference| = %.3e, allowed %.0e * maxAbs(reference) %.4g"
                + " = %.3e", label, diff, tolerance(dataType), scale, allowed).isLessThanOrEqualTo(allowed);
    }

    private static void assertScalar(LossReferenceCase c, String what, INDArray actual, double expected,
            DataType dataType) {
        String label = c + " " + dataType + " " + what;
        assertThat(actual.dataType()).as("%s data type", label).isEqualTo(dataType);
        assertThat(actual.length()).as("%s length", label).isEqualTo(1);
        double value = actual.getDouble(0);
        double relative = Tensors.relativeError(value, expected);
        System.out.printf("%-13s %-6s %-26s %.17g vs %.17g, relative error %.3e%n", c, dataType, what, value,
                expected, relative);
        assertThat(relative).as("%s = %.17g, reference %.17g: relative error %.3e, allowed %.0e", label, value,
                expected, relative, tolerance(dataType)).isLessThanOrEqualTo(tolerance(dataType));
    }

    /** The loss building blocks of nst-core wired into one small SameDiff graph, as LossGraph wires them. */
    private record Outputs(INDArray gram, INDArray gramTarget, INDArray styleLoss, INDArray contentLoss,
            INDArray tvLoss) {
        static Outputs evaluate(LossReferenceCase c, DataType dataType) {
            SameDiff sd = SameDiff.create();
            SDVariable features = sd.constant("features", c.featuresTensor(dataType));
            // The Gram matrix reads channels-last activations, as FeatureNetwork.build gives them;
            // the target's is computed at once, as Targets computes it.
            SDVariable gram = GramMatrix.build(sd, "gram", sd.constant(channelsLast(c.featuresTensor(dataType))),
                    c.channels(), c.height(), c.width());
            INDArray gramTarget = GramMatrix.of(channelsLast(c.targetTensor(dataType)));
            StyleLoss.build(sd, "style_loss", gram, gramTarget);
            ContentLoss.build(sd, "content_loss", features, c.targetTensor(dataType));
            TotalVariationLoss.build(sd, "tv_loss", features, c.height(), c.width());
            Map<String, INDArray> out = sd.output(Collections.emptyMap(),
                    "gram", "style_loss", "content_loss", "tv_loss");
            return new Outputs(out.get("gram"), gramTarget, out.get("style_loss"),
                    out.get("content_loss"), out.get("tv_loss"));
        }
    }
}
