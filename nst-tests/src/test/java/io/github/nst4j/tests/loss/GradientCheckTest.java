package io.github.nst4j.tests.loss;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nst4j.Defaults;
import io.github.nst4j.loss.LossGraph;
import io.github.nst4j.loss.LossSpec;
import io.github.nst4j.loss.Targets;
import io.github.nst4j.network.FeatureNetwork;
import io.github.nst4j.network.Pooling;
import io.github.nst4j.network.Vgg19Weights;
import io.github.nst4j.network.VggLayer;
import io.github.nst4j.tests.support.RandomVgg19;
import io.github.nst4j.tests.support.Tensors;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Checks the image gradient of {@link LossGraph#lossesAndGradient()} (SameDiff's backward pass
 * through VGG19, the Gram matrices and all three loss terms) against a central finite difference
 * of {@link LossGraph#evaluate()}, in DOUBLE, with random VGG19 weights and random images.
 *
 * <p>Why this setup:
 * <ul>
 *   <li>{@link Pooling#AVG}: max pooling's argmax switches are kinks a finite difference can
 *       straddle; average pooling is linear. ReLU kinks remain, hence a small step.</li>
 *   <li>Step {@value #STEP} (pixel units, on pixels of magnitude ~100): the truncation error,
 *       O(h²), is negligible; rounding error, ~1e-16·|total|/h, stays far below the tolerance;
 *       and a ReLU pre-activation rarely crosses zero within ±h. Measured with these seeds:
 *       relative errors of at most 3.7e-7 at h = 1e-3, while h = 1e-2 straddled a ReLU kink at
 *       one pixel (1.4e-2).</li>
 *   <li>Tolerance {@code |analytic − numeric| <= }{@value #RELATIVE_TOLERANCE}{@code ·max(|analytic|,
 *       |numeric|) + }{@value #ABSOLUTE_FLOOR}{@code ·maxAbs(analytic gradient)}: three orders
 *       above the measured error, yet a wrong factor, a sign or a missing term is off by 10% or
 *       more. The floor, relative to the gradient's overall scale, keeps entries that are nearly
 *       zero by cancellation from demanding an impossible relative accuracy.</li>
 *   <li>Several weightings: with the {@link Defaults} weights, on noise images and untrained
 *       weights, the TV gradient is ~1e3 times the style gradient and ~1e6 times the content
 *       gradient, so that check would barely see the network's backward pass. Each term is
 *       therefore also checked alone, and in a {@code BALANCED} mix where all three contribute
 *       gradients of the same order (which also checks that SameDiff sums the gradients of the
 *       three loss variables).</li>
 * </ul>
 */
@Tag("evidence") // central differences over every weighting: tens of seconds
class GradientCheckTest {
    private static final double STEP = 1e-3;
    private static final double RELATIVE_TOLERANCE = 1e-4;
    private static final double ABSOLUTE_FLOOR = 1e-6;
    private static final int HEIGHT = 40;
    private static final int WIDTH = 48;
    private static final int RANDOM_POSITIONS = 7;

    private static FeatureNetwork network;
    private static Targets targets;
    private static INDArray start;

    /** Weightings of the objective; only their ratios and overall scale differ. */
    enum Weighting {
        /** {@link Defaults}: content 5, style 100, TV 1e-3. */
        DEFAULTS(Defaults.CONTENT_WEIGHT, Defaults.STYLE_WEIGHT, Defaults.TV_WEIGHT),
        /** Content and style scaled up until their gradients match TV's (~0.3 to 0.8 at the maximum). */
        BALANCED(5e6, 1e5, Defaults.TV_WEIGHT),
        CONTENT_ONLY(Defaults.CONTENT_WEIGHT, 0, 0),
        STYLE_ONLY(0, Defaults.STYLE_WEIGHT, 0),
        TV_ONLY(0, 0, Defaults.TV_WEIGHT);

        final double content;
        final double style;
        final double tv;

        Weighting(double content, double style, double tv) {
            this.content = content;
            this.style = style;
            this.tv = tv;
        }

        LossSpec spec() {
            return new LossSpec(java.util.Set.of(VggLayer.BLOCK4_CONV2), Defaults.styleLayers(), content, style, tv);
        }
    }

    @BeforeAll
    static void buildNetworkAndTargets() {
        // A 32x32 zoo graph: same convolution weights' distribution, tiny dense layers.
        ComputationGraph graph = RandomVgg19.graph(99, 32, 32);
        Vgg19Weights weights;
        try {
            weights = Vgg19Weights.fromZooGraph(graph);
        } finally {
            graph.close();
        }
        network = new FeatureNetwork(weights, Pooling.AVG);
        long[] shape = {1, 3, HEIGHT, WIDTH};
        // Three different seeded RGB pixel images (0-255); targets depend only on
        // the layers, which all weightings share.
        INDArray content = Tensors.uniform(1, shape, 0, 255);
        INDArray style = Tensors.uniform(2, shape, 0, 255);
        start = Tensors.uniform(3, shape, 0, 255);
        targets = Targets.compute(network, Weighting.DEFAULTS.spec(), content, List.of(new Targets.WeightedStyle(style, 1)), DataType.DOUBLE);
    }

    @ParameterizedTest
    @EnumSource(Weighting.class)
    void analyticGradientMatchesCentralDifference(Weighting weighting) {
        LossGraph graph = LossGraph.build(network, weighting.spec(), targets, start, DataType.DOUBLE);
        LossGraph.Step step = graph.lossesAndGradient();
        // dup: the array may belong to SameDiff's session and be reused by the next pass.
        INDArray gradient = step.gradient().dup();
        assertThat(gradient.dataType()).as("gradient data type").isEqualTo(DataType.DOUBLE);
        assertThat(gradient.shape()).as("gradient shape").containsExactly(1, 3, HEIGHT, WIDTH);
        double scale = Tensors.maxAbs(gradient);
        System.out.printf("%s: %s, maxAbs gradient %.4e%n", weighting, step.losses(), scale);
        assertThat(scale).as("%s: the analytic gradient is all zeros", weighting).isGreaterThan(0);

        INDArray image = graph.image();
        for (long[] at : positions()) {
            double analytic = gradient.getDouble(at);
            double original = image.getDouble(at);
            image.putScalar(at, original + STEP);
            double plus = graph.evaluate().total();
            image.putScalar(at, original - STEP);
            double minus = graph.evaluate().total();
            image.putScalar(at, original);
            double numeric = (plus - minus) / (2 * STEP);

            double error = Math.abs(analytic - numeric);
            double relative = error / Math.max(Math.abs(analytic), Math.abs(numeric));
            double allowed = RELATIVE_TOLERANCE * Math.max(Math.abs(analytic), Math.abs(numeric))
                    + ABSOLUTE_FLOOR * scale;
            System.out.printf("  [c=%d y=%2d x=%2d] analytic %+.10e numeric %+.10e relative error %.2e%n",
                    at[1], at[2], at[3], analytic, numeric, relative);
            assertThat(error).as("%s at [c=%d, y=%d, x=%d]: analytic %.10e vs central difference %.10e (h = %.0e):"
                    + " |diff| %.3e (relative %.2e), allowed %.0e relative + %.0e * maxAbs %.3e = %.3e",
                    weighting, at[1], at[2], at[3], analytic, numeric, STEP, error, relative,
                    RELATIVE_TOLERANCE, ABSOLUTE_FLOOR, scale, allowed).isLessThanOrEqualTo(allowed);
        }
    }

    /**
     * The last pixel (where the TV loss has only left and upper neighbours) and seeded random
     * ones, as {@code [0, c, y, x]}.
     */
    private static List<long[]> positions() {
        List<long[]> positions = new ArrayList<>();
        positions.add(new long[] {0, 2, HEIGHT - 1, WIDTH - 1});
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < RANDOM_POSITIONS; i++) {
            positions.add(new long[] {0, random.nextInt(3), random.nextInt(HEIGHT), random.nextInt(WIDTH)});
        }
        return positions;
    }
}
