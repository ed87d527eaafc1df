package io.github.nst4j.network;

import java.util.EnumMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** He-initialised random VGG19 convolutions for unit tests, without building the zoo graph. */
public final class TestWeights {
    private TestWeights() {
    }

    /** Seeds ND4J's generator with {@code seed}, then draws every kernel and bias from it. */
    public static Vgg19Weights random(long seed) {
        Nd4j.getRandom().setSeed(seed);
        Map<VggLayer, INDArray> kernels = new EnumMap<>(VggLayer.class);
        Map<VggLayer, INDArray> biases = new EnumMap<>(VggLayer.class);
        for (VggLayer layer : VggLayer.values()) {
            kernels.put(layer, Nd4j.randn(DataType.FLOAT, layer.channels(), layer.inputChannels(), 3, 3)
                    .muli(Math.sqrt(2.0 / (9 * layer.inputChannels()))));
            biases.put(layer, Nd4j.rand(DataType.FLOAT, layer.channels()).muli(0.1));
        }
        return Vgg19Weights.of(kernels, biases, InputConvention.CAFFE);
    }

    /**
     * The same network with every activation multiplied by {@code k}: VGG19 with ReLU and average
     * pooling is positively homogeneous, so scaling the first kernel and every bias does it.
     */
    public static Vgg19Weights scaled(Vgg19Weights weights, double k) {
        Map<VggLayer, INDArray> kernels = new EnumMap<>(VggLayer.class);
        Map<VggLayer, INDArray> biases = new EnumMap<>(VggLayer.class);
        for (VggLayer layer : VggLayer.values()) {
            INDArray kernel = weights.kernel(layer).dup();
            kernels.put(layer, layer == VggLayer.BLOCK1_CONV1 ? kernel.muli(k) : kernel);
            biases.put(layer, weights.bias(layer).mul(k));
        }
        return Vgg19Weights.of(kernels, biases, InputConvention.CAFFE);
    }
}
