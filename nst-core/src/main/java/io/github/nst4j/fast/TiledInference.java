package io.github.nst4j.fast;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A {@link TransformerInference} pass in tiles, equal to the whole image's: each tile is computed
 * with a margin of the network's {@link TransformerInference#reach() reach} around it, so that its
 * core sees what it would see in the whole image, and every instance norm uses the whole image's
 * statistics.
 *
 * <p>Those statistics are gathered norm by norm: norm {@code k}'s depend on what norms
 * {@code 0..k-1} output, so pass {@code k} runs each tile up to norm {@code k}'s convolution with
 * the whole-image statistics found so far, and pools the per-channel mean and variance of the
 * tiles' cores (Chan et al.'s pairwise update, in double). A last pass renders the tiles. That is
 * about {@code norms / 2 + 1} times the work of one whole pass (some 8 times for the standard
 * network), plus the margins: the price of a memory bound that does not grow with the image.
 */
final class TiledInference {
    private TiledInference() {
    }

    /** A tile: its core and the core with its margin, in input pixels, half-open, multiples of 4. */
    private record Tile(long top, long bottom, long left, long right, long outerTop, long outerBottom, long outerLeft,
            long outerRight) {
        INDArray outer(INDArray pixels) {
            return pixels.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(outerTop, outerBottom),
                    NDArrayIndex.interval(outerLeft, outerRight));
        }

        /** The core within an NHWC array of the outer region at {@code scale} input pixels per pixel. */
        INDArray core(INDArray outer, int scale) {
            return outer.get(NDArrayIndex.all(),
                    NDArrayIndex.interval((top - outerTop) / scale, (bottom - outerTop) / scale),
                    NDArrayIndex.interval((left - outerLeft) / scale, (right - outerLeft) / scale), NDArrayIndex.all());
        }
    }

    /** One norm's statistics pooled over tiles. */
    private static final class Pooled {
        private long count;
        private double[] mean;
        private double[] m2;

        void add(TransformerInference.Moments moments, long n) {
            double[] tileMean = moments.mean().toDoubleVector();
            double[] tileVariance = moments.variance().toDoubleVector();
            if (mean == null) {
                mean = new double[tileMean.length];
                m2 = new double[tileMean.length];
            }
            long total = count + n;
            for (int c = 0; c < mean.length; c++) {
                double delta = tileMean[c] - mean[c];
                m2[c] += tileVariance[c] * n + delta * delta * count * n / total;
                mean[c] += delta * n / total;
            }
            count = total;
        }

        TransformerInference.Moments moments() {
            double[] variance = new double[m2.length];
            for (int c = 0; c < m2.length; c++) {
                variance[c] = m2[c] / count;
            }
            return new TransformerInference.Moments(Nd4j.createFromArray(mean).castTo(DataType.FLOAT),
                    Nd4j.createFromArray(variance).castTo(DataType.FLOAT));
        }
    }

    /**
     * The network's output for {@code pixels}, {@code [1, 3, H, W]} with sides multiples of 4, in
     * tiles of at most {@code tileSide} (rounded down to a multiple of 4, at least 4) a side.
     */
    static INDArray output(TransformerInference network, INDArray pixels, int tileSide) {
        List<Tile> tiles = tiles(pixels.size(2), pixels.size(3), Math.max(4, tileSide / 4 * 4), network.reach());
        List<TransformerInference.Moments> statistics = new ArrayList<>();
        TransformerInference.Statistics known = (index, output) -> statistics.get(index);
        for (int norm = 0; norm < network.norms(); norm++) {
            int scale = network.normScale(norm);
            Pooled pooled = new Pooled();
            for (Tile tile : tiles) {
                network.convolutionOutput(tile.outer(pixels), known, norm, output -> {
                    INDArray core = tile.core(output, scale).dup('c');
                    pooled.add(network.moments(core), core.length() / core.size(3));
                    core.close();
                });
            }
            statistics.add(pooled.moments());
        }
        INDArray result = Nd4j.createUninitialized(DataType.FLOAT, pixels.shape());
        for (Tile tile : tiles) {
            INDArray output = network.output(tile.outer(pixels), known);
            result.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(tile.top, tile.bottom),
                    NDArrayIndex.interval(tile.left, tile.right))
                    .assign(output.get(NDArrayIndex.all(), NDArrayIndex.all(),
                            NDArrayIndex.interval(tile.top - tile.outerTop, tile.bottom - tile.outerTop),
                            NDArrayIndex.interval(tile.left - tile.outerLeft, tile.right - tile.outerLeft)));
            output.close();
        }
        return result;
    }

    /** The number of tiles of {@link #output} for an input of this size. */
    static int count(long height, long width, int tileSide) {
        long side = Math.max(4, tileSide / 4 * 4);
        return Math.toIntExact(((height + side - 1) / side) * ((width + side - 1) / side));
    }

    private static List<Tile> tiles(long height, long width, long side, long reach) {
        List<Tile> tiles = new ArrayList<>();
        for (long top = 0; top < height; top += side) {
            long bottom = Math.min(height, top + side);
            for (long left = 0; left < width; left += side) {
                long right = Math.min(width, left + side);
                tiles.add(new Tile(top, bottom, left, right, Math.max(0, top - reach), Math.min(height, bottom + reach),
                        Math.max(0, left - reach), Math.min(width, right + reach)));
            }
        }
        return tiles;
    }
}
