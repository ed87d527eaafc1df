package io.github.nst4j.weights;

import io.github.nst4j.error.NstException;
import io.github.nst4j.network.InputConvention;
import io.github.nst4j.network.Vgg19Weights;
import io.github.nst4j.network.VggLayer;
import io.github.nst4j.storage.NpzArchive;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * VGG19 convolution weights as a NumPy {@code .npz}: for each layer, float32
 * {@code block{B}_conv{C}.weight} of shape {@code [out, in, 3, 3]} (PyTorch's order) and
 * {@code block{B}_conv{C}.bias} of shape {@code [out]}. Other arrays in the file are ignored.
 */
public final class NpzWeights {
    private NpzWeights() {
    }

    /** The array name of a layer's kernel, e.g. {@code block4_conv2.weight}. */
    public static String kernelName(VggLayer layer) {
        return layer.layerName() + ".weight";
    }

    /** The array name of a layer's bias, e.g. {@code block4_conv2.bias}. */
    public static String biasName(VggLayer layer) {
        return layer.layerName() + ".bias";
    }

    /**
     * Reads the weights of all sixteen layers.
     *
     * @throws NstException naming the layer when one is missing or has the wrong shape
     */
    public static Vgg19Weights read(Path file, InputConvention convention) {
        Map<String, INDArray> arrays;
        try {
            arrays = NpzArchive.read(file);
        } catch (IOException | RuntimeException e) {
            throw new NstException("Cannot read the .npz weights file " + file + ": " + e.getMessage(), e);
        }
        Map<VggLayer, INDArray> kernels = new EnumMap<>(VggLayer.class);
        Map<VggLayer, INDArray> biases = new EnumMap<>(VggLayer.class);
        for (VggLayer layer : VggLayer.values()) {
            kernels.put(layer, require(arrays, kernelName(layer), file));
            biases.put(layer, require(arrays, biasName(layer), file));
        }
        try {
            return Vgg19Weights.of(kernels, biases, convention);
        } catch (IllegalArgumentException e) {
            throw new NstException("Wrong weights file " + file + ": " + e.getMessage());
        }
    }

    /** Writes the weights in this layout (float32), replacing {@code file}. */
    public static void write(Vgg19Weights weights, Path file) throws IOException {
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        for (VggLayer layer : VggLayer.values()) {
            arrays.put(kernelName(layer), weights.kernel(layer).castTo(DataType.FLOAT));
            arrays.put(biasName(layer), weights.bias(layer).castTo(DataType.FLOAT));
        }
        NpzArchive.write(arrays, file);
    }

    private static INDArray require(Map<String, INDArray> arrays, String name, Path file) {
        INDArray array = arrays.get(name);
        if (array == null) {
            throw new NstException("Wrong weights file " + file + ": no array '" + name
                    + "' (a VGG19 .npz needs block{B}_conv{C}.weight and .bias for all 16 convolutions)");
        }
        return array;
    }
}
