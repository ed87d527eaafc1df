package io.github.nst4j.network;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The convolution kernels and biases of VGG19, the only part of the network style transfer uses.
 *
 * <p>Kernels are held as Deeplearning4j stores them, {@code [out, in, 3, 3]}; biases as {@code [out]}.
 */
public final class Vgg19Weights {
    private final Map<VggLayer, INDArray> kernels;
    private final Map<VggLayer, INDArray> biases;
    private final InputConvention inputConvention;
    /**
     * Arrays computed from these weights for graphs (kernels in SameDiff's layout and a data type,
     * and their rotations for the backward pass), made once and shared read-only by every network
     * and graph on these weights: computing them took longer than a small image's whole run.
     */
    private final Map<String, INDArray> derived = new HashMap<>();

    private Vgg19Weights(Map<VggLayer, INDArray> kernels, Map<VggLayer, INDArray> biases,
            InputConvention inputConvention) {
        this.kernels = Collections.unmodifiableMap(kernels);
        this.biases = Collections.unmodifiableMap(biases);
        this.inputConvention = inputConvention;
    }

    /**
     * Copies the sixteen convolution layers out of a zoo VGG19 graph, so that the graph (with its
     * large dense layers) can be released. The zoo's weights are Caffe's, so the input
     * convention is {@link InputConvention#CAFFE}.
     */
    public static Vgg19Weights fromZooGraph(ComputationGraph graph) {
        Map<VggLayer, INDArray> kernels = new EnumMap<>(VggLayer.class);
        Map<VggLayer, INDArray> biases = new EnumMap<>(VggLayer.class);
        for (VggLayer layer : VggLayer.values()) {
            var zooLayer = Objects.requireNonNull(graph.getLayer(layer.zooLayerName()),
                    () -> "VGG19 graph has no layer " + layer.zooLayerName() + " (" + layer + ")");
            kernels.put(layer, zooLayer.getParam("W").dup());
            biases.put(layer, zooLayer.getParam("b").dup().reshape(layer.channels()));
        }
        return of(kernels, biases, InputConvention.CAFFE);
    }

    /**
     * Weights from explicit arrays, checked against VGG19's shapes.
     *
     * @param inputConvention the input the weights were trained on
     * @throws IllegalArgumentException naming the layer and both shapes on any mismatch
     */
    public static Vgg19Weights of(Map<VggLayer, INDArray> kernels, Map<VggLayer, INDArray> biases,
            InputConvention inputConvention) {
        for (VggLayer layer : VggLayer.values()) {
            checkShape(layer, "kernel", kernels.get(layer),
                    new long[] {layer.channels(), layer.inputChannels(), 3, 3});
            checkShape(layer, "bias", biases.get(layer), new long[] {layer.channels()});
        }
        return new Vgg19Weights(new EnumMap<>(kernels), new EnumMap<>(biases), inputConvention);
    }

    private static void checkShape(VggLayer layer, String what, INDArray array, long[] expected) {
        if (array == null) {
            throw new IllegalArgumentException("VGG19 weights lack the " + what + " of " + layer);
        }
        if (!java.util.Arrays.equals(array.shape(), expected)) {
            throw new IllegalArgumentException("VGG19 " + what + " of " + layer + " has shape "
                    + java.util.Arrays.toString(array.shape()) + ", expected "
                    + java.util.Arrays.toString(expected));
        }
    }

    /** The same arrays declared with another input convention. */
    public Vgg19Weights withInputConvention(InputConvention convention) {
        return new Vgg19Weights(new EnumMap<>(kernels), new EnumMap<>(biases), convention);
    }

    /** The input convention these weights were trained on. */
    public InputConvention inputConvention() {
        return inputConvention;
    }

    /** The kernel of a layer, shape {@code [out, in, 3, 3]}. */
    public INDArray kernel(VggLayer layer) {
        return kernels.get(layer);
    }

    /** The bias of a layer, shape {@code [out]}. */
    public INDArray bias(VggLayer layer) {
        return biases.get(layer);
    }

    /** The array derived from these weights under {@code key}, computed by {@code compute} on first use. */
    synchronized INDArray derived(String key, Supplier<INDArray> compute) {
        INDArray array = derived.get(key);
        if (array == null) {
            array = compute.get();
            derived.put(key, array);
        }
        return array;
    }
}
