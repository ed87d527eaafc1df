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
 * Hopcroft, NeurIPS 2016): He-normal kernels (standard deviation √(2 / (9 · input channels))), so that
 * the activations keep their scale through sixteen ReLU layers, zero biases, and input in the
 * torchvision convention (unit-variance channels). Most of what makes random features work lies in
 * the run's settings rather than here ({@link WeightsDefaults#UNTRAINED}); of the initialisations
 * measured in {@code nst-examples/BENCHMARKS.md} ("Untrained weights"), this one came closest to the
 * styles, and zero-mean kernels did worse.
 *
 * <p>The values come from a {@link SplittableRandom}, so a seed gives the same weights on every backend.
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
            float[] values = heNormal(random, layer.channels() * fanIn, fanIn);
            kernels.put(layer, Nd4j.createFromArray(values).reshape(layer.channels(), layer.inputChannels(), 3, 3));
            biases.put(layer, Nd4j.zeros(DataType.FLOAT, layer.channels()));
        }
        return Vgg19Weights.of(kernels, biases, InputConvention.TORCH);
    }

    /** {@code count} Gaussian values with He's standard deviation for {@code fanIn} inputs. */
    private static float[] heNormal(SplittableRandom random, int count, int fanIn) {
        double std = Math.sqrt(2.0 / fanIn);
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (float) (random.nextGaussian() * std);
        }
        return values;
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
