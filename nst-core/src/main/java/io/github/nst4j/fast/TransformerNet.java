package io.github.nst4j.fast;

import io.github.nst4j.workaround.NearestUpsampling;
import io.github.nst4j.workaround.ReflectionPad;
import io.github.nst4j.workaround.UncopiedArrays;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The image transformation network of Johnson, Alahi and Fei-Fei (2016) with instance
 * normalisation, layer for layer PyTorch's {@code fast_neural_style} {@code TransformerNet}:
 * <ol>
 *   <li>three convolutions, 9x9 stride 1, 3x3 stride 2, 3x3 stride 2, each followed by an affine
 *       instance norm and a ReLU;</li>
 *   <li>residual blocks, {@code x + IN(conv(ReLU(IN(conv(x)))))}, of 3x3 convolutions;</li>
 *   <li>two upsampling layers, a nearest-neighbour x2 upsampling then a 3x3 convolution, instance
 *       norm and ReLU (upsampling before convolving avoids the checkerboard of strided transposed
 *       convolutions, Odena et al. 2016);</li>
 *   <li>a 9x9 convolution to three channels, without norm or ReLU.</li>
 * </ol>
 * Every convolution has a bias and pads its input by reflection, half its kernel on each side.
 *
 * <p>Input and output are RGB in 0-255 pixel units, {@code [N, 3, H, W]}, like every image of
 * nst4j. As in PyTorch's example the output is unbounded, and clamped only when it becomes an image
 * (see {@link io.github.nst4j.image.PixelTensors#toImage}): a squashing function would add a
 * gradient that vanishes at the extremes. Inside, arrays are channels last, the layout oneDNN's
 * convolutions run fastest in.
 *
 * <p>Parameters are named after PyTorch's modules ({@code conv1_W}, {@code in1_gamma},
 * {@code res2_conv1_b}, {@code deconv3_W}...), convolution kernels in SameDiff's layout
 * {@code [kH, kW, in, out]}.
 */
public final class TransformerNet {
    /** The smallest input side: the reflection padding of the quarter-resolution layers needs two rows. */
    public static final int MIN_SIDE = 5;
    /** Instance norm's epsilon, PyTorch's. */
    static final double EPSILON = 1e-5;
    /**
     * The initial bias of the last convolution, so the initial network's output: the ImageNet mean
     * pixel (R, G, B, 0-255), where Johnson et al.'s own network starts too (its output is
     * {@code 150·tanh} around that mean). PyTorch's example starts at black instead; Adam then lifts
     * the mean through the 9x9 output kernel, all of whose taps move alike, and within 100 steps that
     * kernel is a box blur (99% of its energy in its spatial mean) which passes only coarse gradients
     * back: the network learns texture hundreds of steps later (see {@code UntrainedFastStyleTest}).
     */
    static final float[] INITIAL_OUTPUT = {123.68f, 116.779f, 103.939f};

    /** The last convolution's bias, whose initial value is {@link #INITIAL_OUTPUT}. */
    private static final String OUTPUT_BIAS = "deconv3_b";

    private TransformerNet() {
    }

    /**
     * Adds the network to {@code sd}, its parameters as {@code VARIABLE}s holding {@code weights}
     * (which it does not copy).
     *
     * @param pixels {@code [N, 3, H, W]}, RGB 0-255, both sides at least {@link #MIN_SIDE}
     * @param weights every parameter of {@code size}, by name, for example from {@link #initialWeights}
     * @return {@code [N, 3, H', W']} with {@code H' = }{@link #outputSide}{@code (H)}, RGB 0-255, unclamped
     * @throws IllegalArgumentException if a parameter is missing or has another shape
     */
    public static SDVariable build(SameDiff sd, SDVariable pixels, TransformerSize size, Map<String, INDArray> weights) {
        return build(sd, pixels, size, (name, shape) -> {
            INDArray value = weights.get(name);
            if (value == null || !Arrays.equals(value.shape(), shape)) {
                throw new IllegalArgumentException("Transformer parameter " + name + " should have shape "
                        + Arrays.toString(shape) + " but is " + (value == null ? "missing" : Arrays.toString(value.shape())));
            }
            return sd.var(name, value);
        });
    }

    /**
     * Fresh float parameters for a network of {@code size}, the same for the same seed on every
     * backend: PyTorch's default initialisation, kernels and biases uniform in
     * {@code ±1/√(fan-in)}, instance norm scales 1 and shifts 0, except the last convolution's bias:
     * the ImageNet mean pixel, so that the first outputs are mid-grey rather than black.
     */
    public static Map<String, INDArray> initialWeights(TransformerSize size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] fanIn = {1};
        Map<String, INDArray> weights = new LinkedHashMap<>();
        SameDiff sd = UncopiedArrays.newGraph();
        build(sd, sd.placeHolder("pixels", DataType.FLOAT, -1, 3, -1, -1), size, (name, shape) -> {
            INDArray value = initialValue(name, shape, random, fanIn);
            weights.put(name, value);
            return sd.var(name, value);
        });
        return weights;
    }

    /** The output's height or width for an input side: {@code 4·⌈side/4⌉}, the side itself for multiples of 4. */
    public static long outputSide(long side) {
        return 4 * ((side + 3) / 4);
    }

    /**
     * A parameter's initial value. The bias of a convolution is drawn right after its kernel and
     * shares its fan-in, {@code kH·kW·in}.
     */
    private static INDArray initialValue(String name, long[] shape, SplittableRandom random, long[] fanIn) {
        if (name.endsWith("_gamma")) {
            return Nd4j.ones(DataType.FLOAT, shape);
        }
        if (name.endsWith("_beta")) {
            return Nd4j.zeros(DataType.FLOAT, shape);
        }
        if (name.equals(OUTPUT_BIAS)) {
            return Nd4j.create(INITIAL_OUTPUT.clone(), shape, DataType.FLOAT);
        }
        if (name.endsWith("_W")) {
            fanIn[0] = shape[0] * shape[1] * shape[2];
        }
        double bound = 1 / Math.sqrt(fanIn[0]);
        float[] values = new float[Math.toIntExact(Arrays.stream(shape).reduce(1, Math::multiplyExact))];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextDouble(-bound, bound);
        }
        return Nd4j.create(values, shape, DataType.FLOAT);
    }

    /** Creates a parameter of the graph: a {@code VARIABLE} of this name and shape. */
    @FunctionalInterface
    private interface Parameters {
        SDVariable get(String name, long... shape);
    }

    private static SDVariable build(SameDiff sd, SDVariable pixels, TransformerSize size, Parameters parameters) {
        Layers layers = new Layers(sd, parameters);
        int c1 = size.channels1();
        int c2 = size.channels2();
        int c3 = size.channels3();
        SDVariable x = pixels.permute(0, 2, 3, 1);
        x = layers.normRelu("in1", layers.conv("conv1", x, 9, 3, c1, 1), c1);
        x = layers.normRelu("in2", layers.conv("conv2", x, 3, c1, c2, 2), c2);
        x = layers.normRelu("in3", layers.conv("conv3", x, 3, c2, c3, 2), c3);
        for (int block = 1; block <= size.residualBlocks(); block++) {
            String prefix = "res" + block + "_";
            SDVariable y = layers.normRelu(prefix + "in1", layers.conv(prefix + "conv1", x, 3, c3, c3, 1), c3);
            y = layers.norm(prefix + "in2", layers.conv(prefix + "conv2", y, 3, c3, c3, 1), c3);
            x = x.add(y);
        }
        x = layers.normRelu("in4", layers.conv("deconv1", NearestUpsampling.apply(sd, x), 3, c3, c2, 1), c2);
        x = layers.normRelu("in5", layers.conv("deconv2", NearestUpsampling.apply(sd, x), 3, c2, c1, 1), c1);
        x = layers.conv("deconv3", x, 9, c1, 3, 1);
        return x.permute(0, 3, 1, 2);
    }

    /** The layers of one graph, each taking its parameters from {@link Parameters}. */
    private record Layers(SameDiff sd, Parameters parameters) {
        SDVariable conv(String name, SDVariable x, int kernel, int in, int out, int stride) {
            SDVariable weights = parameters.get(name + "_W", kernel, kernel, in, out);
            SDVariable bias = parameters.get(name + "_b", out);
            Conv2DConfig config = Conv2DConfig.builder()
                    .kH(kernel).kW(kernel).sH(stride).sW(stride)
                    .paddingMode(PaddingMode.VALID)
                    .dataFormat(Conv2DConfig.NHWC)
                    .build();
            return sd.cnn().conv2d(name, ReflectionPad.apply(sd, x, kernel / 2), weights, bias, config);
        }

        /** Affine instance norm over each image's and channel's height and width, {@code [N, H, W, C]}. */
        SDVariable norm(String name, SDVariable x, int channels) {
            SDVariable gamma = parameters.get(name + "_gamma", channels);
            SDVariable beta = parameters.get(name + "_beta", channels);
            SDVariable centred = x.sub(x.mean(true, 1, 2));
            SDVariable variance = centred.mul(centred).mean(true, 1, 2);
            return centred.mul(sd.math().rsqrt(variance.add(EPSILON))).mul(gamma).add(beta);
        }

        SDVariable normRelu(String name, SDVariable x, int channels) {
            return sd.nn().relu(norm(name, x, channels), 0.0);
        }
    }
}
