package io.github.nst4j.loss;

import io.github.nst4j.network.FeatureNetwork;
import io.github.nst4j.network.VggLayer;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What the generated image is compared with, computed once before optimisation: the content
 * image's activations at the content layers and the style images' blended Gram matrices at the
 * style layers.
 *
 * @param content content activations per content layer, channels last ({@code [1, H, W, C]}, as the loss
 *     graph compares them); empty without a content image
 * @param styleGrams Gram matrices {@code [C, C]} per style layer; empty without a style image
 */
public record Targets(Map<VggLayer, INDArray> content, Map<VggLayer, INDArray> styleGrams) {
    public Targets {
        content = Collections.unmodifiableMap(content.isEmpty() ? Map.of() : new EnumMap<>(content));
        styleGrams = Collections.unmodifiableMap(styleGrams.isEmpty() ? Map.of() : new EnumMap<>(styleGrams));
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
