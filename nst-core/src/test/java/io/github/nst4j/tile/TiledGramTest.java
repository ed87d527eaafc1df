package io.github.nst4j.tile;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nst4j.loss.GramMatrix;
import io.github.nst4j.network.FeatureNetwork;
import io.github.nst4j.network.Pooling;
import io.github.nst4j.network.TestWeights;
import io.github.nst4j.network.VggLayer;
import io.github.nst4j.plan.TileGrid;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class TiledGramTest {
    private static final Set<VggLayer> STYLE_LAYERS = EnumSet.of(VggLayer.BLOCK1_CONV1, VggLayer.BLOCK2_CONV1,
            VggLayer.BLOCK3_CONV1, VggLayer.BLOCK4_CONV1, VggLayer.BLOCK5_CONV1);

    /**
     * On an image that fits both ways, the Grams summed over tiles with margins equal the whole
     * image's. Tolerance: float32 sums in another order, 1e-4 relative to the largest entry.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void tiledGramEqualsWholeImageGram(boolean shifted) {
        FeatureNetwork network = new FeatureNetwork(TestWeights.random(3), Pooling.AVG);
        Nd4j.getRandom().setSeed(5);
        INDArray pixels = Nd4j.rand(DataType.FLOAT, 1, 3, 272, 336).muli(255);
        int margin = TileGrid.marginFor(FeatureNetwork.reach(VggLayer.BLOCK5_CONV1));
        TileGrid grid = TileGrid.of(336, 272, margin, 300, shifted);
        assertThat(grid.tiles()).hasSizeGreaterThanOrEqualTo(4);

        Map<VggLayer, INDArray> tiled = TiledGram.of(network, pixels, STYLE_LAYERS, grid, Map.of(), WindowProgress.NONE);
        Map<VggLayer, INDArray> whole = network.features(pixels, STYLE_LAYERS, DataType.FLOAT);
        for (VggLayer layer : STYLE_LAYERS) {
            INDArray expected = GramMatrix.of(whole.get(layer));
            double scale = expected.amaxNumber().doubleValue();
            double error = tiled.get(layer).sub(expected).amaxNumber().doubleValue();
            assertThat(error / scale).as(layer.layerName()).isLessThan(1e-4);
        }
    }

    /** Without its margin a tile's features near the border differ: the margin is what makes the sum exact. */
    @Test
    void withoutMarginTheSumIsNotExact() {
        FeatureNetwork network = new FeatureNetwork(TestWeights.random(3), Pooling.AVG);
        Nd4j.getRandom().setSeed(5);
        INDArray pixels = Nd4j.rand(DataType.FLOAT, 1, 3, 272, 336).muli(255);
        TileGrid grid = TileGrid.of(336, 272, 0, 120, false);
        VggLayer layer = VggLayer.BLOCK5_CONV1;
        INDArray tiled = TiledGram.of(network, pixels, Set.of(layer), grid, Map.of(), WindowProgress.NONE).get(layer);
        INDArray expected = GramMatrix.of(network.features(pixels, Set.of(layer), DataType.FLOAT).get(layer));
        assertThat(tiled.sub(expected).amaxNumber().doubleValue() / expected.amaxNumber().doubleValue())
                .isGreaterThan(1e-3);
    }
}
