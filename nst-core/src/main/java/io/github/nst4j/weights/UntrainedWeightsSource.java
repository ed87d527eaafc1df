package io.github.nst4j.weights;

import io.github.nst4j.network.InputConvention;
import io.github.nst4j.network.Vgg19Weights;
import io.github.nst4j.network.VggLayer;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * VGG19 weights drawn at random so that an untrained network still sees style (after He, Wang and
 * Hopcroft, NeurIPS 2016). What made random features work here, measured in
 * {@code nst-examples/BENCHMARKS.md} ("Untrained weights"):
 * <ul>
 *   <li>He-normal kernels (standard deviation √(2 / (9 · input channels))), so that the activations'
 *       scale neither fades nor grows through sixteen ReLU layers; the DL4J default (Xavier) halves
 *       their energy at each layer and leaves the deep layers' Gram matrices near zero.
 *   <li>Zero-mean kernels from {@code block1_conv2} on: a kernel with a non-zero sum averages its
 *       non-negative (post-ReLU) input, so every layer would mostly blur and the Gram matrices would
 *       mostly hold the channel means, which a flat field of the right colour matches. The first
 *       layer keeps its mean to see colour.
 *   <li>Zero biases, and input in the torchvision convention (unit-variance channels).
 * </ul>
 * The values come from a {@link SplittableRandom}, so a seed gives the same weights on every backend.
 */
final class UntrainedWeightsSource implements WeightsSource {
    private final long seed;

    UntrainedWeightsSource(long seed) {
        this.seed = seed;
    }

    @Override
    public Vgg19Weights load() {
        SplittableRandom random = new SplittableRandom(seed);
        Map<VggLayer, INDArray> kernels = new EnumMap<>(VggLayer.class);
        Map<VggLayer, INDArray> biases = new EnumMap<>(VggLayer.class);
        for (VggLayer layer : VggLayer.values()) {
            int fanIn = layer.inputChannels() * 9;
            float[] values = heNormal(random, layer.channels(), fanIn, layer != VggLayer.BLOCK1_CONV1);
            kernels.put(layer, Nd4j.createFromArray(values).reshape(layer.channels(), layer.inputChannels(), 3, 3));
            biases.put(layer, Nd4j.zeros(DataType.FLOAT, layer.channels()));
        }
        return Vgg19Weights.of(kernels, biases, InputConvention.TORCH);
    }

    /** {@code filters} kernels of {@code fanIn} values each, optionally made zero-mean, at He's scale. */
    private static float[] heNormal(SplittableRandom random, int filters, int fanIn, boolean zeroMean) {
        double std = Math.sqrt(2.0 / fanIn);
        double[] values = new double[filters * fanIn];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextGaussian();
        }
        if (zeroMean) {
            for (int filter = 0; filter < filters; filter++) {
                double mean = 0;
                for (int i = filter * fanIn; i < (filter + 1) * fanIn; i++) {
                    mean += values[i];
                }
                mean /= fanIn;
                for (int i = filter * fanIn; i < (filter + 1) * fanIn; i++) {
                    values[i] -= mean;
                }
            }
        }
        double sumOfSquares = 0;
        for (double value : values) {
            sumOfSquares += value * value;
        }
        // Rescale to exactly He's standard deviation: removing the means lowered it a little.
        double scale = std / Math.sqrt(sumOfSquares / values.length);
        float[] kernel = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            kernel[i] = (float) (values[i] * scale);
        }
        return kernel;
    }

    @Override
    public String description() {
        return "untrained (seed " + seed + ")";
    }

    @Override
    public WeightsDefaults runDefaults() {
        return WeightsDefaults.UNTRAINED;
    }
}
