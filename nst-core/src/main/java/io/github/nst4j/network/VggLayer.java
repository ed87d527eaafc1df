package io.github.nst4j.network;

import java.util.Arrays;
import java.util.Locale;

/**
 * The sixteen convolution layers of VGG19, by their standard names ({@code block4_conv2}), with the
 * number under which the Deeplearning4j zoo graph stores each of them and its channel count.
 *
 * <p>Every activation is taken after the layer's ReLU, as in the Gatys et al. paper
 * ({@code relu4_2} there is {@link #BLOCK4_CONV2} here).
 */
public enum VggLayer {
    BLOCK1_CONV1(1, 1, "0", 64),
    BLOCK1_CONV2(1, 2, "1", 64),
    BLOCK2_CONV1(2, 1, "3", 128),
    BLOCK2_CONV2(2, 2, "4", 128),
    BLOCK3_CONV1(3, 1, "6", 256),
    BLOCK3_CONV2(3, 2, "7", 256),
    BLOCK3_CONV3(3, 3, "8", 256),
    BLOCK3_CONV4(3, 4, "9", 256),
    BLOCK4_CONV1(4, 1, "11", 512),
    BLOCK4_CONV2(4, 2, "12", 512),
    BLOCK4_CONV3(4, 3, "13", 512),
    BLOCK4_CONV4(4, 4, "14", 512),
    BLOCK5_CONV1(5, 1, "16", 512),
    BLOCK5_CONV2(5, 2, "17", 512),
    BLOCK5_CONV3(5, 3, "18", 512),
    BLOCK5_CONV4(5, 4, "19", 512);

    private final int block;
    private final int indexInBlock;
    private final String zooLayerName;
    private final int channels;

    VggLayer(int block, int indexInBlock, String zooLayerName, int channels) {
        this.block = block;
        this.indexInBlock = indexInBlock;
        this.zooLayerName = zooLayerName;
        this.channels = channels;
    }

    /** The block this convolution belongs to, 1 to 5; a pooling layer precedes blocks 2 to 5. */
    public int block() {
        return block;
    }

    /** Position of the convolution within its block, from 1. */
    public int indexInBlock() {
        return indexInBlock;
    }

    /** The layer's name in {@code org.deeplearning4j.zoo.model.VGG19}'s graph, e.g. {@code "12"}. */
    public String zooLayerName() {
        return zooLayerName;
    }

    /** Number of output channels (feature maps). */
    public int channels() {
        return channels;
    }

    /** Number of input channels: 3 for the first layer, else the previous layer's outputs. */
    public int inputChannels() {
        return ordinal() == 0 ? 3 : values()[ordinal() - 1].channels;
    }

    /** The standard Keras-style name, e.g. {@code block4_conv2}. */
    public String layerName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The layer with the given standard name ({@code block4_conv2}, case-insensitive).
     *
     * @throws IllegalArgumentException naming the valid layers when there is no such layer
     */
    public static VggLayer fromName(String name) {
        for (VggLayer layer : values()) {
            if (layer.layerName().equalsIgnoreCase(name.trim())) {
                return layer;
            }
        }
        throw new IllegalArgumentException("Unknown VGG19 layer '" + name + "'; valid layers: "
                + String.join(", ", Arrays.stream(values()).map(VggLayer::layerName).toList()));
    }

    @Override
    public String toString() {
        return layerName();
    }
}
