package io.github.nst4j.weights;

import io.github.nst4j.network.VggLayer;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The settings whose best value depends on the weights, used wherever a run leaves them unset.
 * Trained weights take the paper's and neural-style's values; untrained ones the values measured in
 * {@code nst-examples/BENCHMARKS.md} ("Untrained weights").
 *
 * @param contentWeight the content loss's weight
 * @param contentLayers the layers the content loss compares
 * @param tvWeight the total-variation loss's weight
 * @param normalizeGradients whether each term's gradient is L1-normalised at its layer
 */
public record WeightsDefaults(double contentWeight, Set<VggLayer> contentLayers, double tvWeight,
        boolean normalizeGradients) {
    /** The content weight of trained weights. */
    public static final double TRAINED_CONTENT_WEIGHT = 5;
    /** The TV weight of trained weights. */
    public static final double TRAINED_TV_WEIGHT = 1e-3;
    /** The content weight of untrained weights. */
    public static final double UNTRAINED_CONTENT_WEIGHT = 100;

    /** For trained weights: content weight 5 at {@code block4_conv2}, TV 0.001, no normalisation. */
    public static final WeightsDefaults TRAINED = new WeightsDefaults(TRAINED_CONTENT_WEIGHT,
            EnumSet.of(VggLayer.BLOCK4_CONV2), TRAINED_TV_WEIGHT, false);

    /**
     * For untrained weights. Normalised gradients, or the deep layers' terms hardly pull; no TV,
     * which against normalised style gradients smooths everything to a flat field; the content at
     * {@code block3_conv2} with weight 100, because a random {@code block4_conv2} passes too little of
     * the photo back for it to stay recognisable.
     */
    public static final WeightsDefaults UNTRAINED = new WeightsDefaults(UNTRAINED_CONTENT_WEIGHT,
            EnumSet.of(VggLayer.BLOCK3_CONV2), 0, true);

    public WeightsDefaults {
        contentLayers = Collections.unmodifiableSet(EnumSet.copyOf(contentLayers));
    }
}
