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
}
