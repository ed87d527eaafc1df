package io.github.nst4j.tile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import io.github.nst4j.Defaults;
import io.github.nst4j.listener.LossValues;
import io.github.nst4j.loss.LayerMask;
import io.github.nst4j.loss.LossGraph;
import io.github.nst4j.loss.LossSpec;
import io.github.nst4j.loss.Targets;
import io.github.nst4j.network.FeatureNetwork;
import io.github.nst4j.network.Pooling;
import io.github.nst4j.network.TestWeights;
import io.github.nst4j.network.VggLayer;
import io.github.nst4j.plan.TileGrid;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class TiledLossTest {
    /**
     * The whole-image loss measured tile by tile equals the loss graph's on the whole image, with the
     * default layers and a content mask. Tolerance: float32 sums in another order, 1e-4 relative.
     */
    @Test
    void tiledLossEqualsWholeImageLoss() {
        FeatureNetwork network = new FeatureNetwork(TestWeights.random(9), Pooling.AVG);
        LossSpec spec = new LossSpec(Defaults.contentLayers(), Defaults.styleLayers(), 5, 100, 1e-3);
        Nd4j.getRandom().setSeed(3);
        INDArray image = Nd4j.rand(DataType.FLOAT, 1, 3, 272, 320).muli(255);
        INDArray content = Nd4j.rand(DataType.FLOAT, 1, 3, 272, 320).muli(255);
        INDArray style = Nd4j.rand(DataType.FLOAT, 1, 3, 160, 160).muli(255);
        VggLayer contentLayer = VggLayer.BLOCK4_CONV2;
        long[] hw = FeatureNetwork.activationSize(contentLayer, 272, 320);
        INDArray opacity = Nd4j.rand(DataType.FLOAT, 1, hw[0], hw[1], 1);
        Map<VggLayer, LayerMask> contentMasks = Map.of(contentLayer, LayerMask.whole(opacity));
        Targets plain = Targets.compute(network, spec, content, List.of(new Targets.WeightedStyle(style, 1)),
                DataType.FLOAT);
        Targets targets = new Targets(plain.content(), contentMasks, plain.guides());

        LossValues whole;
        try (LossGraph graph = LossGraph.build(network, spec, targets, image, DataType.FLOAT)) {
            whole = graph.evaluate();
        }
        int margin = TileGrid.marginFor(FeatureNetwork.reach(VggLayer.BLOCK5_CONV1));
        TileGrid grid = TileGrid.of(320, 272, margin, 300, false);
        assertThat(grid.tiles()).hasSizeGreaterThanOrEqualTo(4);
        LossValues tiled = TiledLoss.of(network, spec, image,
                new TiledLevel.Comparison(content, contentMasks, plain.guides()), grid, WindowProgress.NONE);

        assertThat(tiled.content()).isCloseTo(whole.content(), withPercentage(0.01));
        assertThat(tiled.style()).isCloseTo(whole.style(), withPercentage(0.01));
        assertThat(tiled.totalVariation()).isCloseTo(whole.totalVariation(),
                withPercentage(0.01));
    }
}
