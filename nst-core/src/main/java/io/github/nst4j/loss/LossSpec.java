package io.github.nst4j.loss;

import io.github.nst4j.model.VggLayer;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Which layers the objective reads and how its terms are weighted:
 * {@code total = contentWeight·content + styleWeight·Σ layerWeight·style(layer) + tvWeight·tv}.
 *
 * @param contentLayer layer compared with the content image; ignored when there is no content image
 * @param styleLayers style layers and their weights
 * @param contentWeight weight of the content loss
 * @param styleWeight weight of the summed style losses
 * @param tvWeight weight of the total-variation loss
 */
public record LossSpec(VggLayer contentLayer, Map<VggLayer, Double> styleLayers, double contentWeight,
        double styleWeight, double tvWeight) {
    public LossSpec {
        styleLayers = Collections.unmodifiableMap(new EnumMap<>(styleLayers));
    }
}
