package io.github.nst4j.tile;

import io.github.nst4j.network.FeatureNetwork;
import io.github.nst4j.network.VggLayer;
import io.github.nst4j.plan.Tile;
import io.github.nst4j.plan.TileGrid;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Gram matrices of an image too large for one pass through the network. A Gram matrix is a sum over
 * feature positions, so it is the sum of the owned regions' sums, each computed on its tile's window
 * (see {@link io.github.nst4j.plan.Tile}): the result equals the whole image's to float precision.
 * Masked Grams are accumulated the same way, normalised as {@link io.github.nst4j.loss.LossGraph}
 * normalises them (by the sum of the squared mask weights).
 */
public final class TiledGram {
    private final Map<VggLayer, INDArray> sums = new EnumMap<>(VggLayer.class);
    private final Map<VggLayer, Double> areas = new EnumMap<>(VggLayer.class);
    private final Map<VggLayer, Double> squaredAreas = new EnumMap<>(VggLayer.class);

    /**
     * The Gram matrices {@code [C, C]} of {@code pixels}, {@code [1, 3, H, W]}, at {@code layers},
     * computed tile by tile over {@code grid}.
     *
     * @param masks per layer, {@code [1, H', W', 1]} at the layer's resolution of the whole image; a layer
     *     without one counts everywhere
     * @param progress told after each window
     */
    public static Map<VggLayer, INDArray> of(FeatureNetwork network, INDArray pixels, Collection<VggLayer> layers,
            TileGrid grid, Map<VggLayer, INDArray> masks, WindowProgress progress) {
        TiledGram gram = new TiledGram();
        for (Tile tile : grid.tiles()) {
            Map<VggLayer, INDArray> features = TileMasks.features(network, pixels, tile, layers);
            features.forEach((layer, layerFeatures) -> {
                INDArray weights = TileMasks.owned(tile, layer);
                INDArray mask = masks.get(layer);
                if (mask != null) {
                    weights.muli(TileMasks.crop(mask, tile, layer));
                }
                gram.add(layer, layerFeatures, weights);
                layerFeatures.close();
            });
            // What the network's pass left unclosed is freed only when collected (see TiledLevel).
            NativeHeap.release();
            progress.windowDone(tile.index() + 1, grid.tiles().size());
        }
        return gram.grams();
    }

    /** Adds the weighted features {@code [1, h, w, C]} of one tile's window; {@code weights} is {@code [1, h, w, 1]}. */
    void add(VggLayer layer, INDArray features, INDArray weights) {
        long channels = features.size(3);
        // Closed at once: a tile's features are large, and ND4J frees native memory only when told or
        // when the garbage collector finds the array, which a nearly empty Java heap delays.
        try (INDArray weighted = features.mul(weights)) {
            INDArray flat = weighted.reshape(features.size(1) * features.size(2), channels);
            INDArray product = Nd4j.gemm(flat, flat, true, false);
            INDArray sum = sums.putIfAbsent(layer, product);
            if (sum != null) {
                sum.addi(product);
                product.close();
            }
        }
        areas.merge(layer, weights.sumNumber().doubleValue(), Double::sum);
        squaredAreas.merge(layer, weights.mul(weights).sumNumber().doubleValue(), Double::sum);
    }

    /** Sum of the weights added at a layer: its positions when unmasked. */
    double area(VggLayer layer) {
        return areas.getOrDefault(layer, 0.0);
    }

    /**
     * The accumulated Grams, each divided by channels × the sum of the squared weights (the positions,
     * unmasked); a layer whose mask was empty everywhere is left out.
     */
    Map<VggLayer, INDArray> grams() {
        Map<VggLayer, INDArray> grams = new EnumMap<>(VggLayer.class);
        sums.forEach((layer, sum) -> {
            if (squaredAreas.get(layer) > 0) {
                grams.put(layer, sum.div(sum.size(0) * squaredAreas.get(layer)));
            }
        });
        return grams;
    }
}
