package io.github.nst4j.tile;

import io.github.nst4j.listener.LossValues;
import io.github.nst4j.loss.LossSpec;
import io.github.nst4j.loss.Targets;
import io.github.nst4j.network.FeatureNetwork;
import io.github.nst4j.network.VggLayer;
import io.github.nst4j.plan.Tile;
import io.github.nst4j.plan.TileGrid;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The whole image's loss, as {@link io.github.nst4j.loss.LossGraph} would compute it on the whole
 * image, measured tile by tile with forward passes only: content sums and Gram matrices are sums over
 * feature positions, so the owned regions' sums add up to the whole image's.
 */
public final class TiledLoss {
    private TiledLoss() {
    }

    /**
     * The weighted loss terms of {@code image}, {@code [1, 3, H, W]}, measured over {@code grid}.
     *
     * @param progress told after each window
     */
    public static LossValues of(FeatureNetwork network, LossSpec spec, INDArray image,
            TiledLevel.Comparison comparison, TileGrid grid, WindowProgress progress) {
        int height = (int) image.size(2);
        int width = (int) image.size(3);
        boolean hasContent = comparison.content() != null && !spec.contentLayers().isEmpty();
        Set<VggLayer> layers = EnumSet.noneOf(VggLayer.class);
        if (hasContent) {
            layers.addAll(spec.contentLayers());
        }
        comparison.guides().forEach(guide -> layers.addAll(guide.grams().keySet()));
        Map<VggLayer, Double> contentSums = new EnumMap<>(VggLayer.class);
        List<TiledGram> grams = new ArrayList<>();
        comparison.guides().forEach(guide -> grams.add(new TiledGram()));
        for (Tile tile : grid.tiles()) {
            Map<VggLayer, INDArray> features = TileMasks.features(network, image, tile, layers);
            if (hasContent) {
                Map<VggLayer, INDArray> target = TileMasks.features(network, comparison.content(), tile,
                        spec.contentLayers());
                target.forEach((layer, targetFeatures) -> {
                    try (INDArray weights = TileMasks.owned(tile, layer, comparison.contentMasks().get(layer), height,
                            width).weights();
                            INDArray difference = features.get(layer).sub(targetFeatures).muli(weights)) {
                        contentSums.merge(layer, difference.muli(difference).sumNumber().doubleValue(), Double::sum);
                    }
                    targetFeatures.close();
                });
            }
            for (int g = 0; g < grams.size(); g++) {
                Targets.Guide guide = comparison.guides().get(g);
                for (VggLayer layer : guide.grams().keySet()) {
                    try (INDArray weights = TileMasks.owned(tile, layer, guide.masks().get(layer), height, width)
                            .weights()) {
                        grams.get(g).add(layer, features.get(layer), weights);
                    }
                }
            }
            features.values().forEach(INDArray::close);
            // As between the tiles of a level: without it each window's arrays stayed resident (60-80 MB a
            // window at 768 px), and the final measurement became the run's peak.
            NativeHeap.release();
            progress.windowDone(tile.index() + 1, grid.tiles().size());
        }
        double content = 0;
        for (Map.Entry<VggLayer, Double> entry : contentSums.entrySet()) {
            VggLayer layer = entry.getKey();
            content += entry.getValue() / (layer.channels() * TileMasks.wholeArea(layer, comparison.contentMasks().get(layer),
                    height, width));
        }
        double style = 0;
        for (int g = 0; g < grams.size(); g++) {
            Targets.Guide guide = comparison.guides().get(g);
            Map<VggLayer, INDArray> measured = grams.get(g).grams();
            for (Map.Entry<VggLayer, INDArray> entry : measured.entrySet()) {
                VggLayer layer = entry.getKey();
                INDArray target = guide.grams().get(layer);
                INDArray difference = entry.getValue().sub(target);
                double mean = difference.mul(difference).sumNumber().doubleValue() / target.length();
                double share = grams.get(g).area(layer) / TileMasks.wholeArea(layer, guide.masks().get(layer),
                        height, width);
                style += spec.styleLayers().get(layer) * mean * share;
            }
        }
        return new LossValues(spec.contentWeight() * content, spec.styleWeight() * style,
                spec.tvWeight() * totalVariation(image));
    }

    /** ½ Σ of squared differences between horizontal and vertical neighbours, as the loss graph's term. */
    private static double totalVariation(INDArray image) {
        long height = image.size(2);
        long width = image.size(3);
        INDArray horizontal = image.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all(),
                NDArrayIndex.interval(1, width)).sub(image.get(NDArrayIndex.all(), NDArrayIndex.all(),
                NDArrayIndex.all(), NDArrayIndex.interval(0, width - 1)));
        INDArray vertical = image.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(1, height),
                NDArrayIndex.all()).sub(image.get(NDArrayIndex.all(), NDArrayIndex.all(),
                NDArrayIndex.interval(0, height - 1), NDArrayIndex.all()));
        return 0.5 * (Transforms.pow(horizontal, 2, false).sumNumber().doubleValue()
                + Transforms.pow(vertical, 2, false).sumNumber().doubleValue());
    }
}
