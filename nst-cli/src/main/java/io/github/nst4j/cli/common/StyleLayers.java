package io.github.nst4j.cli.common;

import io.github.nst4j.network.VggLayer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The style layers a command line names, with their weights, as the library's builders take them. */
public final class StyleLayers {
    private StyleLayers() {
    }

    /**
     * @param weights one weight per layer, in the same order, or null for 1 each
     * @return the layers in their given order, each with its weight
     */
    public static Map<VggLayer, Double> weighted(List<VggLayer> layers, List<Double> weights) {
        Map<VggLayer, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            map.put(layers.get(i), weights == null ? 1.0 : weights.get(i));
        }
        return map;
    }
}
