package io.github.nst4j.fast;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The inference pass against the graph of {@link TransformerNet#build}, and its tiled form against
 * itself, on random weights whose outputs span the 0-255 range.
 */
class TransformerInferenceTest {
    static final TransformerSize SMALL = TransformerNetTest.TINY;

    /**
     * Random weights with norm scales and shifts away from 1 and 0, and an output layer scaled so
     * that the output spans about 0-255 (the initial weights give outputs within a few units of the
     * mean pixel).
     */
    static Map<String, INDArray> weights(TransformerSize size, long seed) {
        Map<String, INDArray> weights = TransformerNet.initialWeights(size, seed);
        Nd4j.getRandom().setSeed(seed);
        weights.replaceAll((name, value) -> name.endsWith("_gamma") || name.endsWith("_beta")
                ? value.add(Nd4j.rand(DataType.FLOAT, value.shape()).subi(0.5)) : value);
        weights.get("deconv3_W").muli(150);
        weights.get("deconv3_b").assign(128);
        return weights;
    }

    static INDArray pixels(long height, long width, long seed) {
        Nd4j.getRandom().setSeed(seed);
        return Nd4j.rand(DataType.FLOAT, 1, 3, height, width).muli(255);
    }

    @Test
    void matchesTheTrainingGraph() {
        // Float32 both ways, sums in another order: differences of a few 1e-4 on outputs of some 100.
        for (TransformerSize size : new TransformerSize[] {SMALL, TransformerSize.STANDARD}) {
            long[][] sizes = size == SMALL ? new long[][] {{32, 24}, {8, 12}, {20, 36}} : new long[][] {{20, 36}};
            Map<String, INDArray> weights = weights(size, 3);
            SameDiff sd = SameDiff.create();
            SDVariable output = TransformerNet.build(sd, sd.placeHolder("pixels", DataType.FLOAT, 1, 3, -1, -1), size,
                    weights);
            try (TransformerInference inference = new TransformerInference(size, weights)) {
                for (long[] hw : sizes) {
                    INDArray pixels = pixels(hw[0], hw[1], hw[0]);
                    INDArray expected = sd.output(Map.of("pixels", pixels), output.name()).get(output.name());
                    INDArray actual = inference.output(pixels, inference.own());

                    assertThat(actual.shape()).containsExactly(expected.shape());
                    assertThat(expected.std(true).getDouble(0)).as("output spread").isGreaterThan(20);
                    assertThat(actual.sub(expected).amaxNumber().doubleValue()).as(size + " " + hw[0] + "x" + hw[1])
                            .isLessThan(2e-3);
                }
            }
        }
    }

    @Test
    void tilesWithWholeImageStatisticsMatchTheWholeImage() {
        Map<String, INDArray> weights = weights(SMALL, 4);
        try (TransformerInference inference = new TransformerInference(SMALL, weights)) {
            // A margin of 36 (this network's reach) around 40-pixel tiles: 3 by 2 tiles, cut inside.
            INDArray pixels = pixels(96, 80, 9);
            INDArray whole = inference.output(pixels, inference.own());
            INDArray tiled = TiledInference.output(inference, pixels, 40);

            assertThat(inference.reach()).isEqualTo(36);
            assertThat(TiledInference.count(96, 80, 40)).isEqualTo(6);
            assertThat(tiled.sub(whole).amaxNumber().doubleValue()).isLessThan(2e-3);
        }
    }

    @Test
    void workingBytesForetellTheArena() {
        try (TransformerInference inference = new TransformerInference(SMALL, weights(SMALL, 2))) {
            INDArray pixels = pixels(40, 56, 1);
            for (int pass = 0; pass < 3; pass++) {
                inference.output(pixels, inference.own()).close();
            }

            assertThat(inference.arenaBytes()).isPositive().isEqualTo(inference.workingBytes(40, 56));
        }
    }

    /** The standard network's reach, 68 px, around 64-pixel tiles: 5 by 4 tiles, cut inside on both axes. */
    @Tag("evidence") // 16 statistics passes over 20 tiles of the standard network: a minute or two
    @Test
    void tilesOfTheStandardNetworkMatchTheWholeImage() {
        Map<String, INDArray> weights = weights(TransformerSize.STANDARD, 5);
        try (TransformerInference inference = new TransformerInference(TransformerSize.STANDARD, weights)) {
            INDArray pixels = pixels(320, 256, 11);
            INDArray whole = inference.output(pixels, inference.own());
            INDArray tiled = TiledInference.output(inference, pixels, 64);

            assertThat(inference.reach()).isEqualTo(68);
            assertThat(whole.std(true).getDouble(0)).as("output spread").isGreaterThan(20);
            // Float32 statistics pooled in another order through 15 norms: measured 3.4e-3 at most.
            assertThat(tiled.sub(whole).amaxNumber().doubleValue()).isLessThan(1e-2);
        }
    }

    @Test
    void tilesWithTheirOwnStatisticsWouldDiffer() {
        // The control: statistics per tile are not the whole image's, which is what the passes fix.
        Map<String, INDArray> weights = weights(SMALL, 4);
        try (TransformerInference inference = new TransformerInference(SMALL, weights)) {
            INDArray pixels = pixels(96, 80, 9);
            INDArray whole = inference.output(pixels, inference.own());
            INDArray corner = inference.output(pixels.get(NDArrayIndex.all(),
                    NDArrayIndex.all(), NDArrayIndex.interval(0, 72),
                    NDArrayIndex.interval(0, 72)), inference.own());
            INDArray wholeCorner = whole.get(NDArrayIndex.all(),
                    NDArrayIndex.all(), NDArrayIndex.interval(0, 32),
                    NDArrayIndex.interval(0, 32));
            INDArray cornerCore = corner.get(NDArrayIndex.all(),
                    NDArrayIndex.all(), NDArrayIndex.interval(0, 32),
                    NDArrayIndex.interval(0, 32));
            assertThat(cornerCore.sub(wholeCorner).amaxNumber().doubleValue()).isGreaterThan(1);
        }
    }
}
