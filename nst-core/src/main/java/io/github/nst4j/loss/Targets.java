package io.github.nst4j.loss;

import io.github.nst4j.model.FeatureNetwork;
import io.github.nst4j.model.VggLayer;
import java.util.ArrayList;
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
     * Runs the network on the (preprocessed) images and keeps what the losses need.
     *
     * @param contentImage {@code [1, 3, H, W]}, or null for style-only runs
     * @param styleImage {@code [1, 3, H', W']}
     */
    public static Targets compute(FeatureNetwork network, LossSpec spec, INDArray contentImage,
            INDArray styleImage, DataType dataType) {
        INDArray content = contentImage == null ? null
                : activations(network, contentImage, List.of(spec.contentLayer()), false, dataType)
                        .get(spec.contentLayer());
        Map<VggLayer, INDArray> grams = activations(network, styleImage,
                new ArrayList<>(spec.styleLayers().keySet()), true, dataType);
        return new Targets(content, grams);
    }

    private static Map<VggLayer, INDArray> activations(FeatureNetwork network, INDArray image,
            List<VggLayer> layers, boolean gram, DataType dataType) {
        SameDiff sd = SameDiff.create();
        SDVariable input = sd.constant("input", image.castTo(dataType));
        Map<VggLayer, SDVariable> features = network.build(sd, input, layers, dataType);
        Map<VggLayer, String> outputNames = new EnumMap<>(VggLayer.class);
        for (Map.Entry<VggLayer, SDVariable> entry : features.entrySet()) {
            VggLayer layer = entry.getKey();
            SDVariable out = entry.getValue();
            if (gram) {
                long[] hw = FeatureNetwork.activationSize(layer, image.size(2), image.size(3));
                out = GramMatrix.build(sd, layer + "_gram", out, layer.channels(), hw[0], hw[1]);
            }
            outputNames.put(layer, out.name());
        }
        Map<String, INDArray> values = sd.output(Collections.emptyMap(),
                outputNames.values().toArray(new String[0]));
        Map<VggLayer, INDArray> result = new EnumMap<>(VggLayer.class);
        outputNames.forEach((layer, name) -> result.put(layer, values.get(name).detach()));
        return result;
    }
}
