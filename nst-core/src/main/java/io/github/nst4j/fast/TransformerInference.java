package io.github.nst4j.fast;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.blas.params.MMulTranspose;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.BatchNorm;
import org.nd4j.linalg.api.ops.impl.layers.convolution.Conv2D;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.reduce.Mmul;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.SquaredDifferenceOp;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The forward pass of a {@link TransformerNet} without SameDiff: ND4J operations called one at a
 * time on channels-last arrays of an {@link ActivationArena}, the same arithmetic as the graph of
 * {@link TransformerNet#build}.
 *
 * <p>Why not the graph: built for training, it pads by slices and concatenations
 * ({@link io.github.nst4j.workaround.ReflectionPad}), upsamples between two permutations, and its
 * session allocates every intermediate afresh. Measured at 512x512 on two cores, libnd4j's own
 * REFLECT {@code pad} took 270 ms per 9x9 padding and channels-last {@code upsampling2d} 65 ms,
 * and a per-channel mean over height and width 17-26 ms, against 1-4 ms for the copies, strided
 * assignments and matrix-vector products used here instead; the convolutions themselves (oneDNN on
 * the CPU backend) take about 0.2 s in all, three times less channels last than channels first.
 *
 * <p>Instance norms take their statistics from a {@link Statistics}: the array's own for a whole
 * image, the whole image's for a tile ({@link TiledInference}).
 */
final class TransformerInference implements AutoCloseable {
    /** One convolution of the network and what follows it. */
    private record Layer(String name, int kernel, int in, int out, int stride, boolean upsample, String norm,
            boolean relu, boolean residualStart, boolean residualEnd) {
        /** How many input pixels one pixel of this layer's input spans, along a side. */
        int inputScale(List<Layer> layers) {
            int scale = 1;
            for (Layer layer : layers) {
                if (layer == this) {
                    return layer.upsample ? scale / 2 : scale;
                }
                scale = layer.upsample ? scale / 2 : scale * layer.stride;
            }
            throw new IllegalStateException(name);
        }
    }

    /** Per-channel mean and (population) variance of an instance norm's input, {@code [C]} each. */
    record Moments(INDArray mean, INDArray variance) {
    }

    /** Where each instance norm's statistics come from. */
    @FunctionalInterface
    interface Statistics {
        /**
         * @param index the norm's position in the network, from 0
         * @param output the convolution output it normalises, {@code [1, H, W, C]}
         */
        Moments of(int index, INDArray output);
    }

    /**
     * Elements of the scratch block of {@link #moments}: 32 MB, one block for every norm up to
     * 512x512 (each operation costs much more than its arithmetic on a loaded machine).
     */
    private static final long BLOCK_ELEMENTS = 1 << 23;

    private final List<Layer> layers;
    private final Map<String, INDArray> weights;
    private final Map<String, Conv2DConfig> configs = new HashMap<>();
    private final ActivationArena arena = new ActivationArena();
    /** Vectors of ones for the per-channel sums, by length. */
    private final Map<Long, INDArray> ones = new HashMap<>();

    /**
     * @param weights every parameter of a network of {@code size}, by name (not copied)
     * @throws IllegalArgumentException if a parameter is missing or has another shape
     */
    TransformerInference(TransformerSize size, Map<String, INDArray> weights) {
        this.layers = layers(size);
        this.weights = weights;
        for (Layer layer : layers) {
            check(layer.name + "_W", layer.kernel, layer.kernel, layer.in, layer.out);
            check(layer.name + "_b", layer.out);
            if (layer.norm != null) {
                check(layer.norm + "_gamma", layer.out);
                check(layer.norm + "_beta", layer.out);
            }
            configs.put(layer.name, Conv2DConfig.builder()
                    .kH(layer.kernel).kW(layer.kernel).sH(layer.stride).sW(layer.stride)
                    .paddingMode(PaddingMode.VALID).dataFormat(Conv2DConfig.NHWC)
                    .weightsFormat(WeightsFormat.YXIO).build());
        }
    }

    private void check(String name, long... shape) {
        INDArray value = weights.get(name);
        if (value == null || !Arrays.equals(value.shape(), shape) || value.dataType() != DataType.FLOAT) {
            throw new IllegalArgumentException("Transformer parameter " + name + " should be float of shape "
                    + Arrays.toString(shape) + " but is " + (value == null ? "missing"
                            : value.dataType() + " " + Arrays.toString(value.shape())));
        }
    }

    /** The network's convolutions in order, as {@link TransformerNet} builds them. */
    private static List<Layer> layers(TransformerSize size) {
        int c1 = size.channels1();
        int c2 = size.channels2();
        int c3 = size.channels3();
        List<Layer> layers = new ArrayList<>();
        layers.add(new Layer("conv1", 9, 3, c1, 1, false, "in1", true, false, false));
        layers.add(new Layer("conv2", 3, c1, c2, 2, false, "in2", true, false, false));
        layers.add(new Layer("conv3", 3, c2, c3, 2, false, "in3", true, false, false));
        for (int block = 1; block <= size.residualBlocks(); block++) {
            String prefix = "res" + block + "_";
            layers.add(new Layer(prefix + "conv1", 3, c3, c3, 1, false, prefix + "in1", true, true, false));
            layers.add(new Layer(prefix + "conv2", 3, c3, c3, 1, false, prefix + "in2", false, false, true));
        }
        layers.add(new Layer("deconv1", 3, c3, c2, 1, true, "in4", true, false, false));
        layers.add(new Layer("deconv2", 3, c2, c1, 1, true, "in5", true, false, false));
        layers.add(new Layer("deconv3", 9, c1, 3, 1, false, null, false, false, false));
        return layers;
    }

    /** The number of instance norms. */
    int norms() {
        return (int) layers.stream().filter(layer -> layer.norm != null).count();
    }

    /** How many input pixels one pixel of the output of norm {@code index}'s convolution spans, along a side. */
    int normScale(int index) {
        int scale = 1;
        int seen = 0;
        for (Layer layer : layers) {
            scale = layer.upsample ? scale / 2 : scale * layer.stride;
            if (layer.norm != null && seen++ == index) {
                return scale;
            }
        }
        throw new IllegalArgumentException("No norm " + index);
    }

    /**
     * How far, in input pixels, an output pixel sees: the sum of the convolutions' half kernels at
     * their resolutions, plus one pixel of the coarser resolution for each resampling, rounded up to
     * a multiple of 4. A tile's output this far inside its cut edges equals the whole image's.
     */
    int reach() {
        int reach = 0;
        for (Layer layer : layers) {
            int scale = layer.inputScale(layers);
            reach += layer.kernel / 2 * scale;
            if (layer.stride > 1 || layer.upsample) {
                reach += 2 * scale;
            }
        }
        return 4 * ((reach + 3) / 4);
    }

    /**
     * The bytes the arena grows to over passes on a {@code height x width} input (sides multiples of
     * 4): the same takes and gives as {@link #forward}, simulated on lengths, over three passes, the
     * arena's best fit settling in that many. The most the arrays of a pass hold at once is about
     * 0.4 of it; the rest is the buffers' size classes and the shapes that do not share buffers.
     */
    long workingBytes(long height, long width) {
        ActivationArena.Simulation arena = new ActivationArena.Simulation();
        for (int pass = 0; pass < 3; pass++) {
            simulatePass(arena, height, width);
        }
        return arena.peakBytes();
    }

    /** What {@link #output} asks of the arena, step for step, on lengths. */
    private void simulatePass(ActivationArena.Simulation arena, long height, long width) {
        long h = height;
        long w = width;
        Object x = null;
        Object residual = null;
        for (Layer layer : layers) {
            long p = layer.kernel / 2;
            long paddedHeight = (layer.upsample ? 2 * h : h) + 2 * p;
            long paddedWidth = (layer.upsample ? 2 * w : w) + 2 * p;
            Object padded = arena.take(paddedHeight * paddedWidth * layer.in);
            if (layer.residualStart) {
                residual = x;
            } else if (x != null) {
                arena.give(x);
            }
            h = (paddedHeight - layer.kernel) / layer.stride + 1;
            w = (paddedWidth - layer.kernel) / layer.stride + 1;
            Object y = arena.take(h * w * layer.out);
            arena.give(padded);
            if (layer.norm != null) {
                arena.give(arena.take(Math.min(Math.max(1, BLOCK_ELEMENTS / layer.out), h * w) * layer.out));
            }
            if (layer.residualEnd) {
                arena.give(residual);
                residual = null;
            }
            x = y;
        }
        arena.give(x);
        arena.trim();
    }

    /**
     * Runs the network on {@code pixels}, {@code [1, 3, H, W]} RGB 0-255 with sides multiples of 4
     * (a view is fine), and returns {@code [1, 3, H, W]}, a new array.
     */
    INDArray output(INDArray pixels, Statistics statistics) {
        INDArray output = forward(pixels, statistics, -1);
        INDArray result = output.permute(0, 3, 1, 2).dup('c');
        arena.give(output);
        arena.trim();
        return result;
    }

    /**
     * Runs the network on {@code pixels} up to the convolution of norm {@code index} and hands its
     * output, {@code [1, H/s, W/s, C]} with {@code s = }{@link #normScale}, to {@code consumer},
     * before the norm.
     */
    void convolutionOutput(INDArray pixels, Statistics statistics, int index, Consumer<INDArray> consumer) {
        INDArray output = forward(pixels, statistics, index);
        consumer.accept(output);
        arena.give(output);
    }

    /** The statistics of each norm from the array it normalises, as for a whole image. */
    Statistics own() {
        return (index, output) -> moments(output);
    }

    /**
     * Per-channel mean and population variance of {@code output}, {@code [1, H, W, C]} contiguous: the
     * variance of the centred squares, as the graph computes it, a block of rows at a time so that
     * the scratch array stays small.
     */
    Moments moments(INDArray output) {
        long channels = output.size(3);
        long count = output.length() / channels;
        INDArray matrix = output.reshape(count, channels);
        INDArray sums = Nd4j.createUninitialized(DataType.FLOAT, channels);
        INDArray squares = Nd4j.createUninitialized(DataType.FLOAT, channels);
        long block = Math.max(1, BLOCK_ELEMENTS / channels);
        INDArray scratch = arena.take(Math.min(block, count), channels);
        for (long from = 0; from < count; from += block) {
            columnMeans(matrix.get(interval(from, Math.min(count, from + block)), all()), count, from == 0, sums);
        }
        INDArray mean = sums.reshape(1, channels);
        for (long from = 0; from < count; from += block) {
            long to = Math.min(count, from + block);
            INDArray centred = to - from == scratch.size(0) ? scratch : scratch.get(interval(0, to - from), all());
            Nd4j.exec(new SquaredDifferenceOp(matrix.get(interval(from, to), all()), mean, centred));
            columnMeans(centred, count, from == 0, squares);
        }
        arena.give(scratch);
        return new Moments(sums, squares);
    }

    /**
     * Adds the column sums of {@code rows}, {@code [n, C]}, over {@code count} to {@code means} (or
     * sets them, for the {@code first} block): a vector-matrix product with a vector of ones, which
     * BLAS does in one pass over the rows (a matrix product of a row of ones copies them first in
     * OpenBLAS; a mean over the rows is several times slower).
     */
    private void columnMeans(INDArray rows, long count, boolean first, INDArray means) {
        Nd4j.exec(new Mmul(onesOf(rows.size(0)), rows, means, 1.0 / count, first ? 0.0 : 1.0,
                MMulTranspose.allFalse()));
    }

    /** The arena's size now, for benchmarks. */
    long arenaBytes() {
        return arena.bytes();
    }

    @Override
    public void close() {
        arena.close();
        ones.values().forEach(INDArray::close);
        ones.clear();
    }

    private INDArray onesOf(long count) {
        return ones.computeIfAbsent(count, n -> Nd4j.ones(DataType.FLOAT, n));
    }

    /** The pass up to the output of norm {@code stop}'s convolution, or the network's output for -1. */
    private INDArray forward(INDArray pixels, Statistics statistics, int stop) {
        INDArray x = pixels.permute(0, 2, 3, 1);
        boolean xIsInput = true;
        INDArray residual = null;
        int norm = 0;
        for (Layer layer : layers) {
            INDArray padded = padded(x, layer);
            if (layer.residualStart) {
                residual = x;
            } else if (!xIsInput) {
                arena.give(x);
            }
            long height = (padded.size(1) - layer.kernel) / layer.stride + 1;
            long width = (padded.size(2) - layer.kernel) / layer.stride + 1;
            INDArray y = arena.take(1, height, width, layer.out);
            Nd4j.exec(new Conv2D(padded, weights.get(layer.name + "_W"), weights.get(layer.name + "_b"), y,
                    configs.get(layer.name)));
            arena.give(padded);
            if (layer.norm != null) {
                if (norm == stop) {
                    if (residual != null) {
                        arena.give(residual);
                    }
                    return y;
                }
                normalise(y, statistics.of(norm++, y), layer);
            }
            if (layer.relu) {
                Transforms.relu(y, false);
            }
            if (layer.residualEnd) {
                y.addi(residual);
                arena.give(residual);
                residual = null;
            }
            x = y;
            xIsInput = false;
        }
        return x;
    }

    /**
     * {@code (y - mean) / sqrt(variance + eps) * gamma + beta} in place: libnd4j's batch norm over the
     * channel axis, whose statistics here are the instance's. The ReLU follows in place.
     */
    private void normalise(INDArray y, Moments moments, Layer layer) {
        BatchNorm norm = new BatchNorm(y, moments.mean(), moments.variance(), weights.get(layer.norm + "_gamma"),
                weights.get(layer.norm + "_beta"), TransformerNet.EPSILON, 3);
        norm.addOutputArgument(y);
        Nd4j.exec(norm);
    }

    /**
     * The layer's input ({@code x}, upsampled x2 if the layer says so) padded by reflection, half its
     * kernel on each side: the centre is copied (or each element to a 2x2 block), then rows and
     * columns are mirrored about the edge, which they do not repeat. (Applying the previous layer's
     * ReLU in this copy instead of in place was slower: libnd4j's ReLU on strided arrays takes a
     * slow path.)
     */
    private INDArray padded(INDArray x, Layer layer) {
        int p = layer.kernel / 2;
        long factor = layer.upsample ? 2 : 1;
        long height = x.size(1) * factor;
        long width = x.size(2) * factor;
        long channels = x.size(3);
        INDArray padded = arena.take(1, height + 2 * p, width + 2 * p, channels);
        long rowStride = (width + 2 * p) * channels;
        if (layer.upsample) {
            // Each input element to a 2x2 block in one copy: the source repeats along zero strides.
            long[] blocks = {x.size(1), 2, x.size(2), 2, channels};
            view(padded, blocks, new long[] {2 * rowStride, rowStride, 2 * channels, channels, 1},
                    p * rowStride + p * channels)
                    .assign(view(x, blocks, new long[] {x.size(2) * channels, 0, channels, 0, 1}, 0));
        } else {
            padded.get(all(), interval(p, p + height), interval(p, p + width), all()).assign(x);
        }
        long[] row = {width, channels};
        long[] column = {height + 2 * p, channels};
        for (int i = 1; i <= p; i++) {
            mirror(padded, rowStride, p - i, p + i, row, new long[] {channels, 1}, p * channels);
            mirror(padded, rowStride, p + height - 1 + i, p + height - 1 - i, row, new long[] {channels, 1},
                    p * channels);
        }
        for (int i = 1; i <= p; i++) {
            mirror(padded, channels, p - i, p + i, column, new long[] {rowStride, 1}, 0);
            mirror(padded, channels, p + width - 1 + i, p + width - 1 - i, column, new long[] {rowStride, 1}, 0);
        }
        return padded;
    }

    /**
     * Copies slice {@code from} of {@code padded} to slice {@code to}, slices {@code step} apart
     * along their axis, each of {@code shape} and {@code strides} from {@code offset} within it.
     * One slice at a time: a copy of two at once, through a view with the pair's distance as its
     * outer stride, measured several times slower.
     */
    private static void mirror(INDArray padded, long step, long to, long from, long[] shape, long[] strides,
            long offset) {
        view(padded, shape, strides, offset + to * step).assign(view(padded, shape, strides, offset + from * step));
    }

    private static INDArray view(INDArray array, long[] shape, long[] strides, long offset) {
        return Nd4j.create(array.data(), shape, strides, offset, 'c', DataType.FLOAT);
    }

    private static INDArrayIndex all() {
        return NDArrayIndex.all();
    }

    private static INDArrayIndex interval(long from, long to) {
        return NDArrayIndex.interval(from, to);
    }
}
