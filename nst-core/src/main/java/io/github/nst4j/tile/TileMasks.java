package io.github.nst4j.tile;

import io.github.nst4j.loss.LayerMask;
import io.github.nst4j.network.FeatureNetwork;
import io.github.nst4j.network.VggLayer;
import io.github.nst4j.plan.Region;
import io.github.nst4j.plan.Tile;
import java.util.Collection;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** A tile's masks and pixels cut out of whole-image arrays. */
public final class TileMasks {
    private TileMasks() {
    }

    /**
     * {@code [1, h, w, 1]} at {@code layer}'s resolution of the tile's window: 1 at the feature
     * positions whose first pixel lies in the owned region, else 0. Over a grid these masks
     * partition every layer's positions.
     */
    public static INDArray owned(Tile tile, VggLayer layer) {
        Region window = tile.window();
        Region owned = tile.owned();
        int stride = FeatureNetwork.stride(layer);
        long[] hw = FeatureNetwork.activationSize(layer, window.height(), window.width());
        float[] values = new float[(int) (hw[0] * hw[1])];
        for (int row = 0; row < hw[0]; row++) {
            int y = window.y() + row * stride;
            if (y < owned.y() || y >= owned.endY()) {
                continue;
            }
            for (int column = 0; column < hw[1]; column++) {
                int x = window.x() + column * stride;
                values[(int) (row * hw[1] + column)] = x >= owned.x() && x < owned.endX() ? 1 : 0;
            }
        }
        return Nd4j.create(values, new long[] {1, hw[0], hw[1], 1}, DataType.FLOAT);
    }

    /**
     * The part of a whole-image mask ({@code [1, H, W, 1]} at {@code layer}'s resolution) under the
     * tile's window, as a new array.
     */
    public static INDArray crop(INDArray wholeMask, Tile tile, VggLayer layer) {
        Region window = tile.window();
        int stride = FeatureNetwork.stride(layer);
        long[] hw = FeatureNetwork.activationSize(layer, window.height(), window.width());
        long top = window.y() / stride;
        long left = window.x() / stride;
        return wholeMask.get(NDArrayIndex.all(), NDArrayIndex.interval(top, top + hw[0]),
                NDArrayIndex.interval(left, left + hw[1]), NDArrayIndex.all()).dup('c');
    }

    /**
     * {@link #owned(Tile, VggLayer)} within a whole-image mask, if there is one; with the whole-image
     * area its share counts against (see {@link #wholeArea}).
     */
    public static LayerMask owned(Tile tile, VggLayer layer, LayerMask whole, int height, int width) {
        INDArray owned = owned(tile, layer);
        if (whole != null) {
            owned.muli(crop(whole.weights(), tile, layer));
        }
        return new LayerMask(owned, wholeArea(layer, whole, height, width));
    }

    /** The area of a whole-image mask, or without one the layer's positions in a {@code width x height} image. */
    public static double wholeArea(VggLayer layer, LayerMask whole, int height, int width) {
        if (whole != null) {
            return whole.wholeArea();
        }
        long[] hw = FeatureNetwork.activationSize(layer, height, width);
        return hw[0] * hw[1];
    }

    /** The network's features of the tile's window of {@code pixels}; the window's copy is freed at once. */
    public static Map<VggLayer, INDArray> features(FeatureNetwork network, INDArray pixels, Tile tile,
            Collection<VggLayer> layers) {
        try (INDArray window = window(pixels, tile)) {
            return network.features(window, layers, DataType.FLOAT);
        }
    }

    /** The window's pixels of a whole {@code [1, 3, H, W]} image, as a new array. */
    public static INDArray window(INDArray image, Tile tile) {
        Region window = tile.window();
        return image.get(NDArrayIndex.all(), NDArrayIndex.all(),
                NDArrayIndex.interval(window.y(), window.endY()),
                NDArrayIndex.interval(window.x(), window.endX())).dup('c');
    }
}
