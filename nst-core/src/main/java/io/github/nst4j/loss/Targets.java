package io.github.nst4j.loss;

import io.github.nst4j.model.FeatureNetwork;
import io.github.nst4j.model.VggLayer;
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
 * image's activations at the content layer and the style image's Gram matrices at the style layers.
 *
 * @param content content activations {@code [1, C, H, W]}, or null when there is no content image
 * @param styleGrams Gram matrices {@code [C, C]} per style layer
 */
public record Targets(INDArray content, Map<VggLayer, INDArray> styleGrams) {
    public Targets {
        styleGrams = Collections.unmodifiableMap(new EnumMap<>(styleGrams));
    }

    /**
     * Runs the network on the images (RGB pixel tensors, see
     * {@link io.github.nst4j.image.PixelTensors}) and keeps what the losses need.
     *
     * @param contentImage {@code [1, 3, H, W]}, or null for style-only runs
     * @param styleImage {@code [1, 3, H', W']}
     */
    public static Targets compute(FeatureNetwork network, LossSpec spec, INDArray contentImage,
            INDArray styleImage, DataType dataType) {
        INDArray content = contentImage == null ? null
                : network.activations(contentImage, List.of(spec.contentLayer()), dataType)
                        .get(spec.contentLayer());
        Map<VggLayer, INDArray> grams = new EnumMap<>(VggLayer.class);
        network.activations(styleImage, spec.styleLayers().keySet(), dataType)
                .forEach((layer, features) -> grams.put(layer, gram(features)));
        return new Targets(content, grams);
    }

    /** The Gram matrix of activations {@code [1, C, H, W]}, by the same graph code the loss uses. */
    public static INDArray gram(INDArray features) {
        SameDiff sd = SameDiff.create();
        SDVariable gram = GramMatrix.build(sd, "gram", sd.constant("features", features),
                features.size(1), features.size(2), features.size(3));
        return sd.output(Collections.emptyMap(), gram.name()).get(gram.name()).detach();
    }
}
