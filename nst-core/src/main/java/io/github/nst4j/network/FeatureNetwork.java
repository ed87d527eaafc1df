package io.github.nst4j.network;

import io.github.nst4j.workaround.FrozenConv2D;
import io.github.nst4j.workaround.GatedRelu;
import io.github.nst4j.workaround.SessionMemory;
import io.github.nst4j.workaround.UncopiedArrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Pooling2DConfig;

/**
 * VGG19's convolution stack as SameDiff operations: 3x3 convolutions (stride 1, padding 1) with
 * ReLU, and a 2x2, stride-2 pooling before blocks 2 to 5. Weights enter the graph as constants, and
 * the convolutions are {@link FrozenConv2D}s, whose backward pass computes the input gradient only
 * (SameDiff's own convolution would also compute weight and bias gradients nobody reads), followed
 * by {@link GatedRelu}s.
 *
 * <p>Inside the graph the activations are channels last, {@code [1, H, W, C]}: oneDNN's
 * convolutions read and write that layout directly, but reorder channels-first arrays to a blocked
 * layout and back on every call, which made the convolutions of the first blocks much slower.
 *
 * <p>Only the layers up to the deepest one requested are built.
 */
public final class FeatureNetwork {
    /** VGG19 needs at least this many pixels on each side: block 5 sees a 2x2 map then. */
    public static final int MIN_IMAGE_SIDE = 32;

    private final Vgg19Weights weights;
    private final Pooling pooling;
    private final boolean frozen;

    public FeatureNetwork(Vgg19Weights weights, Pooling pooling) {
        this(weights, pooling, true);
    }

    /**
     * @param frozen whether convolutions are {@link FrozenConv2D}s, whose gradient is the input
     *     gradient alone (the default), or SameDiff's own {@code conv2d}, whose backward pass also
     *     computes the unused weight and bias gradients (kept as a reference for tests)
     */
    FeatureNetwork(Vgg19Weights weights, Pooling pooling, boolean frozen) {
        this.weights = weights;
        this.pooling = pooling;
        this.frozen = frozen;
    }

    /**
     * Adds the network to {@code sd}, reading {@code pixels} ({@code [1, 3, H, W]}, RGB, 0-255; the
     * weights' input convention is applied inside the graph), and returns the activations of the
     * requested layers, channels last: {@code [1, H', W', C]}.
     *
     * @param dataType data type of the weight constants; must match the input's
     */
    public Map<VggLayer, SDVariable> build(SameDiff sd, SDVariable pixels, Collection<VggLayer> outputs,
            DataType dataType) {
        VggLayer deepest = Collections.max(outputs);
        Map<VggLayer, SDVariable> activations = new EnumMap<>(VggLayer.class);
        SDVariable x = weights.inputConvention().applyScaling(sd, pixels, dataType).permute(0, 2, 3, 1);
        for (VggLayer layer : VggLayer.values()) {
            if (layer.ordinal() > deepest.ordinal()) {
                break;
            }
            if (layer.indexInBlock() == 1 && layer.block() > 1) {
                x = pool(sd, x, layer.block());
            }
            x = convolution(sd, x, layer, dataType);
            if (outputs.contains(layer)) {
                activations.put(layer, x);
            }
        }
        return activations;
    }

    /**
     * Runs the network on one image ({@code [1, 3, H, W]}, RGB, 0-255) and returns the activations
     * of the requested layers, each {@code [1, C, H', W']} (channels first, as DL4J and PyTorch
     * give them).
     */
    public Map<VggLayer, INDArray> activations(INDArray pixels, Collection<VggLayer> layers, DataType dataType) {
        Map<VggLayer, INDArray> result = new EnumMap<>(VggLayer.class);
        features(pixels, layers, dataType).forEach((layer, features) -> {
            result.put(layer, channelsFirst(features));
            features.close();
        });
        return result;
    }

    /**
     * Like {@link #activations}, but channels last, {@code [1, H', W', C]}, as the loss graph
     * compares them. The arrays belong to the caller, who may {@link INDArray#close} them to free
     * their memory at once.
     */
    public Map<VggLayer, INDArray> features(INDArray pixels, Collection<VggLayer> layers, DataType dataType) {
        SameDiff sd = UncopiedArrays.newGraph();
        SDVariable input = sd.constant("pixels", pixels.castTo(dataType));
        Map<VggLayer, SDVariable> features = build(sd, input, layers, dataType);
        String[] names = features.values().stream().map(SDVariable::name).toArray(String[]::new);
        // Every intermediate array is freed as soon as the pass is done with it, not at some later GC;
        // one pass has nothing to recycle arrays for.
        SessionMemory memory = SessionMemory.install(sd, false);
        try {
            Map<String, INDArray> values = sd.output(Collections.emptyMap(), names);
            memory.keep(values.values());
            Map<VggLayer, INDArray> result = new EnumMap<>(VggLayer.class);
            features.forEach((layer, variable) -> result.put(layer, values.get(variable.name())));
            return result;
        } finally {
            memory.close();
        }
    }

    private SDVariable convolution(SameDiff sd, SDVariable x, VggLayer layer, DataType dataType) {
        SDVariable kernel = sd.constant(layer + "_W", kernel(layer, dataType));
        SDVariable bias = sd.constant(layer + "_b", weights.bias(layer).castTo(dataType));
        Conv2DConfig config = Conv2DConfig.builder()
                .kH(3).kW(3).sH(1).sW(1).pH(1).pW(1)
                .paddingMode(PaddingMode.VALID)
                .dataFormat(Conv2DConfig.NHWC)
                .build();
        SDVariable conv = frozen
                ? FrozenConv2D.apply(sd, layer + "_conv", x, kernel, bias, config, flippedKernel(layer, dataType))
                : sd.cnn().conv2d(layer + "_conv", x, kernel, bias, config);
        return frozen ? GatedRelu.apply(sd, layer.layerName(), conv) : sd.nn().relu(layer.layerName(), conv, 0.0);
    }

    /**
     * The kernel in SameDiff's layout, {@code [kH, kW, in, out]} (DL4J stores {@code [out, in, kH,
     * kW]}), made once per data type and shared, read-only, by every graph on these weights.
     */
    private INDArray kernel(VggLayer layer, DataType dataType) {
        return weights.derived("kernel " + dataType + " " + layer, () -> {
            INDArray stored = weights.kernel(layer);
            if (layer.ordinal() == 0) {
                stored = weights.inputConvention().kernelForRgbInput(stored);
            }
            return stored.permute(2, 3, 1, 0).castTo(dataType).dup('c');
        });
    }

    /** The kernel as {@link FrozenConv2D}'s backward pass uses it, shared as {@link #kernel} is. */
    private INDArray flippedKernel(VggLayer layer, DataType dataType) {
        return weights.derived("flipped kernel " + dataType + " " + layer,
                () -> FrozenConv2D.flippedTransposed(kernel(layer, dataType)));
    }

    private SDVariable pool(SameDiff sd, SDVariable x, int block) {
        Pooling2DConfig config = Pooling2DConfig.builder()
                .kH(2).kW(2).sH(2).sW(2)
                .paddingMode(PaddingMode.VALID)
                .isNHWC(true)
                .build();
        String name = "pool" + (block - 1);
        return pooling == Pooling.AVG
                ? sd.cnn().avgPooling2d(name, x, config)
                : sd.cnn().maxPooling2d(name, x, config);
    }

    /** {@code [1, H, W, C]} to a new {@code [1, C, H, W]} array. */
    public static INDArray channelsFirst(INDArray channelsLast) {
        return channelsLast.permute(0, 3, 1, 2).dup('c');
    }

    /**
     * How many pixels beyond its own a feature of {@code layer} sees on each side: one per 3x3
     * convolution, times the pooling stride at that depth. Zero padding at an image's edge changes
     * the features within this distance of it.
     */
    public static int reach(VggLayer layer) {
        int reach = 0;
        int stride = 1;
        for (VggLayer each : VggLayer.values()) {
            if (each.indexInBlock() == 1 && each.block() > 1) {
                stride *= 2;
            }
            reach += stride;
            if (each == layer) {
                break;
            }
        }
        return reach;
    }

    /** Pixels per feature position of a layer's activations along each side: 2 to the number of poolings before it. */
    public static int stride(VggLayer layer) {
        return 1 << (layer.block() - 1);
    }

    /** Height and width of a layer's activations for an input of {@code height x width} pixels. */
    public static long[] activationSize(VggLayer layer, long height, long width) {
        long h = height;
        long w = width;
        for (int pools = 1; pools < layer.block(); pools++) {
            h /= 2;
            w /= 2;
        }
        return new long[] {h, w};
    }
}
