package io.github.nst4j;

import io.github.nst4j.image.ImageSize;
import io.github.nst4j.loss.GramMatrix;
import io.github.nst4j.loss.LossGraph;
import io.github.nst4j.loss.LossSpec;
import io.github.nst4j.loss.Targets;
import io.github.nst4j.network.FeatureNetwork;
import io.github.nst4j.network.VggLayer;
import io.github.nst4j.plan.TimeEstimate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Measures what a run's time forecast is made of on this machine (see {@link TimeEstimate.UnitCosts}):
 * a forward pass, a loss graph's construction and two of its steps, on random pixels of the run's
 * largest window. Pixel values do not change the time a pass takes.
 */
final class Calibration {
    private static final double PIXEL_RANGE = 255;

    private Calibration() {
    }

    static TimeEstimate.UnitCosts measure(FeatureNetwork network, LossSpec spec, ImageSize window,
            boolean hasContent, boolean hasStyle, boolean recycleArrays) {
        Set<VggLayer> contentLayers = hasContent ? spec.contentLayers() : Set.of();
        Set<VggLayer> styleLayers = hasStyle ? spec.styleLayers().keySet() : Set.of();
        Set<VggLayer> layers = EnumSet.noneOf(VggLayer.class);
        layers.addAll(contentLayers);
        layers.addAll(styleLayers);
        try (INDArray pixels = Nd4j.rand(DataType.FLOAT, 1, 3, window.height(), window.width()).muli(PIXEL_RANGE)) {
            // The first pass at a new shape also prepares the native kernels for it: time the second.
            Map<VggLayer, INDArray> features = network.features(pixels, layers, DataType.FLOAT);
            long forwardStart = System.nanoTime();
            network.features(pixels, layers, DataType.FLOAT).values().forEach(INDArray::close);
            double forwardSeconds = secondsSince(forwardStart);

            Map<VggLayer, INDArray> content = new EnumMap<>(VggLayer.class);
            contentLayers.forEach(layer -> content.put(layer, features.get(layer)));
            Map<VggLayer, INDArray> grams = new EnumMap<>(VggLayer.class);
            styleLayers.forEach(layer -> grams.put(layer, GramMatrix.of(features.get(layer))));
            // Only the content targets stay beside the graph, as in a tile: the rest would crowd its memory.
            features.forEach((layer, values) -> {
                if (!content.containsKey(layer)) {
                    values.close();
                }
            });
            Targets targets = new Targets(content, Map.of(),
                    grams.isEmpty() ? List.of() : List.of(new Targets.Guide(grams, Map.of())));
            long buildStart = System.nanoTime();
            double firstStep;
            double stepSeconds;
            try (LossGraph graph = LossGraph.build(network, spec, targets, pixels, DataType.FLOAT, recycleArrays)) {
                graph.lossesAndGradient();
                firstStep = secondsSince(buildStart);
                long stepStart = System.nanoTime();
                graph.lossesAndGradient();
                stepSeconds = secondsSince(stepStart);
            }
            content.values().forEach(INDArray::close);
            grams.values().forEach(INDArray::close);
            System.gc();
            return new TimeEstimate.UnitCosts(window, forwardSeconds, stepSeconds, Math.max(0, firstStep - stepSeconds));
        }
    }

    private static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
