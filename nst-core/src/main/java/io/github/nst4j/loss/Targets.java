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
 * image's activations at the content layers, and the style Gram matrices at the style layers with
 * where each style applies.
 *
 * @param content content activations per content layer, channels last ({@code [1, H, W, C]}, as the loss
 *     graph compares them); empty without a content image
 * @param contentMasks where the content loss counts per content layer; empty: everywhere
 * @param guides the styles: one blended style without masks, or one per style when masks place them;
 *     empty without a style image
 */
public record Targets(Map<VggLayer, INDArray> content, Map<VggLayer, LayerMask> contentMasks, List<Guide> guides) {
    public Targets {
        content = Collections.unmodifiableMap(content.isEmpty() ? Map.of() : new EnumMap<>(content));
        contentMasks = Collections.unmodifiableMap(contentMasks.isEmpty() ? Map.of() : new EnumMap<>(contentMasks));
        guides = List.copyOf(guides);
    }

    /**
     * One style's Gram matrices and where they apply (masks after Gatys et al., "Controlling
     * Perceptual Factors in Neural Style Transfer", 2017): inside a mask the Gram of the output's
     * features is taken of the masked features and normalised by the mask's area.
     *
     * @param grams {@code [C, C]} per style layer
     * @param masks per style layer; empty: the whole image
     */
    public record Guide(Map<VggLayer, INDArray> grams, Map<VggLayer, LayerMask> masks) {
        public Guide {
            grams = Collections.unmodifiableMap(new EnumMap<>(grams));
            masks = Collections.unmodifiableMap(masks.isEmpty() ? Map.of() : new EnumMap<>(masks));
        }
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
        Map<VggLayer, INDArray> blend = new EnumMap<>(VggLayer.class);
        for (WeightedStyle style : spec.styleLayers().isEmpty() ? List.<WeightedStyle>of() : styles) {
            grams(network, spec, style.pixels(), dataType).forEach((layer, gram) ->
                    blend.merge(layer, gram.muli(style.weight()), INDArray::addi));
        }
        return new Targets(contentFeatures(network, spec, contentImage, dataType), Map.of(),
                blend.isEmpty() ? List.of() : List.of(new Guide(blend, Map.of())));
    }

    private static Map<VggLayer, INDArray> contentFeatures(FeatureNetwork network, LossSpec spec,
            INDArray contentImage, DataType dataType) {
        return contentImage == null || spec.contentLayers().isEmpty() ? Map.of()
                : network.features(contentImage, spec.contentLayers(), dataType);
    }

    private static Map<VggLayer, INDArray> grams(FeatureNetwork network, LossSpec spec, INDArray pixels,
            DataType dataType) {
        Map<VggLayer, INDArray> grams = new EnumMap<>(VggLayer.class);
        network.features(pixels, spec.styleLayers().keySet(), dataType).forEach((layer, features) -> {
            grams.put(layer, GramMatrix.of(features));
            features.close();
        });
        return grams;
    }
}
