package io.github.nst4j.loss;

import io.github.nst4j.network.VggLayer;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which layers the objective reads and how its terms are weighted:
 * {@code total = contentWeight·Σ content(layer) + styleWeight·Σ layerWeight·style(layer) + tvWeight·tv}.
 *
 * @param contentLayers layers compared with the content image; unused when there is no content image
 * @param styleLayers style layers and their weights; unused when there is no style image
 * @param contentWeight weight of the summed content losses
 * @param styleWeight weight of the summed style losses
 * @param tvWeight weight of the total-variation loss
 * @param normalizeGradients whether each content and style term's gradient is L1-normalised at its
 *     layer before it goes back through the network (neural-style's {@code -normalize_gradients})
 */
public record LossSpec(Set<VggLayer> contentLayers, Map<VggLayer, Double> styleLayers, double contentWeight,
        double styleWeight, double tvWeight, boolean normalizeGradients) {
    public LossSpec {
        contentLayers = Collections.unmodifiableSet(contentLayers.isEmpty()
                ? EnumSet.noneOf(VggLayer.class) : EnumSet.copyOf(contentLayers));
        styleLayers = Collections.unmodifiableMap(styleLayers.isEmpty() ? Map.of() : new EnumMap<>(styleLayers));
    }

    /** A spec whose gradients are not normalised. */
    public LossSpec(Set<VggLayer> contentLayers, Map<VggLayer, Double> styleLayers, double contentWeight,
            double styleWeight, double tvWeight) {
        this(contentLayers, styleLayers, contentWeight, styleWeight, tvWeight, false);
    }
}
