package io.github.nst4j.loss;

import io.github.nst4j.network.FeatureNetwork;
import io.github.nst4j.network.VggLayer;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What the generated image is compared with, computed once before optimisation: the content
 * image's activations at the content layers and the style images' blended Gram matrices at the
 * style layers.
 *
 * @param content content activations per content layer, channels last ({@code [1, H, W, C]}, as the loss
 *     graph compares them); empty without a content image
 * @param styleGrams Gram matrices {@code [C, C]} per style layer; empty without a style image, and
 *     when the styles are guided by masks
 * @param guides with masks, one per style: its Gram targets and where it applies; else empty
 */
public record Targets(Map<VggLayer, INDArray> content, Map<VggLayer, INDArray> styleGrams, List<Guide> guides) {
    public Targets {
        content = Collections.unmodifiableMap(content.isEmpty() ? Map.of() : new EnumMap<>(content));
        styleGrams = Collections.unmodifiableMap(styleGrams.isEmpty() ? Map.of() : new EnumMap<>(styleGrams));
        guides = List.copyOf(guides);
    }

    /** Targets of unguided styles. */
    public Targets(Map<VggLayer, INDArray> content, Map<VggLayer, INDArray> styleGrams) {
        this(content, styleGrams, List.of());
    }

    /**
     * One style placed by a mask (Gatys et al., "Controlling Perceptual Factors in Neural Style
     * Transfer", 2017): the style image's Gram matrices, and the mask at each style layer's
     * resolution.
     *
     * @param grams {@code [C, C]} per style layer, of the whole style image
     * @param masks {@code [1, H, W, 1]} per style layer, 0 (not here) to 1 (here)
     */
    public record Guide(Map<VggLayer, INDArray> grams, Map<VggLayer, INDArray> masks) {
    }

    /** A style image and its mask at each style layer of the output. */
    public record GuidedStyle(INDArray pixels, Map<VggLayer, INDArray> masks) {
    }

    /**
     * Targets where each style applies only inside its mask: the content activations as in
     * {@link #compute}, and per style its own Gram matrices (not blended).
     */
    public static Targets guided(FeatureNetwork network, LossSpec spec, INDArray contentImage,
            List<GuidedStyle> styles, DataType dataType) {
        Targets content = compute(network, spec, contentImage, List.of(), dataType);
        List<Guide> guides = new java.util.ArrayList<>();
        for (GuidedStyle style : styles) {
            Map<VggLayer, INDArray> grams = new EnumMap<>(VggLayer.class);
            network.features(style.pixels(), spec.styleLayers().keySet(), dataType).forEach((layer, features) -> {
                grams.put(layer, GramMatrix.of(features));
                features.close();
            });
            guides.add(new Guide(grams, style.masks()));
        }
        return new Targets(content.content(), Map.of(), guides);
    }

    /**
     * One style image and its share of the blended Gram target.
     *
     * @param pixels {@code [1, 3, H, W]} RGB pixel tensor (see {@link io.github.nst4j.image.PixelTensors})
     * @param weight its factor in {@code G = Σ weight·G(image)}
     */
    public record WeightedStyle(INDArray pixels, double weight) {
    }

    /**
     * Runs the network on the images (RGB pixel tensors) and keeps what the losses need. Style
     * targets are {@code Σ weight·G(style)}, the blend of every style image's Gram matrices.
     *
     * @param contentImage {@code [1, 3, H, W]}, or null for style-only runs
     * @param styles the style images with their blend weights; empty for content-only runs
     */
    public static Targets compute(FeatureNetwork network, LossSpec spec, INDArray contentImage,
            List<WeightedStyle> styles, DataType dataType) {
        Map<VggLayer, INDArray> content = contentImage == null || spec.contentLayers().isEmpty() ? Map.of()
                : network.features(contentImage, spec.contentLayers(), dataType);
        Map<VggLayer, INDArray> grams = new EnumMap<>(VggLayer.class);
        for (WeightedStyle style : spec.styleLayers().isEmpty() ? List.<WeightedStyle>of() : styles) {
            network.features(style.pixels(), spec.styleLayers().keySet(), dataType).forEach((layer, features) -> {
                INDArray weighted = GramMatrix.of(features).muli(style.weight());
                features.close();
                grams.merge(layer, weighted, INDArray::addi);
            });
        }
        return new Targets(content, grams);
    }
}
