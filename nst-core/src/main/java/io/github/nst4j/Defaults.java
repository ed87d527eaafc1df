package io.github.nst4j;

import io.github.nst4j.network.Pooling;
import io.github.nst4j.network.VggLayer;
import io.github.nst4j.weights.WeightsDefaults;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Default settings, shared by the API and the CLI so the two cannot drift apart. Weights and the
 * learning rate are those Johnson's neural-style uses with the same Caffe VGG19 weights and the
 * same loss normalisation (pixel values in 0-255 units).
 */
public final class Defaults {
    /** Long side of the output in pixels. */
    public static final int SIZE = 512;
    /** Loss evaluations per pyramid level: Adam steps, or L-BFGS function evaluations. */
    public static final int ITERATIONS = 500;
    /** With trained weights; {@link WeightsDefaults} holds the untrained weights' own. */
    public static final double CONTENT_WEIGHT = WeightsDefaults.TRAINED_CONTENT_WEIGHT;
    /** Weight of the style loss against the content loss. */
    public static final double STYLE_WEIGHT = 100;
    /** With trained weights, as {@link #CONTENT_WEIGHT}. */
    public static final double TV_WEIGHT = WeightsDefaults.TRAINED_TV_WEIGHT;
    /** Adam's step size, and the largest pixel change of L-BFGS's first step, in 0-255 pixel units. */
    public static final double LEARNING_RATE = 10;
    /** Curvature pairs L-BFGS keeps, as in neural-style. */
    public static final int LBFGS_MEMORY = 100;
    /** Style images are resized to this fraction of the output's long side. */
    public static final double STYLE_SCALE = 1;
    /** Seed of a run's noise, and of a training's initial weights, image order, crops and flips. */
    public static final long SEED = 42;
    /** Adam: two image-sized arrays of state, where L-BFGS keeps {@link #LBFGS_MEMORY} pairs of them. */
    public static final Optimizer OPTIMIZER = Optimizer.ADAM;
    /** Average pooling, as in the paper. */
    public static final Pooling POOLING = Pooling.AVG;
    /** The output takes the style's colours. */
    public static final ColorPreservation COLORS = ColorPreservation.NONE;
    /** Share of noise blended into the start image. */
    public static final double INIT_NOISE_RATIO = 0;
    /** Stopping a level early: never. */
    public static final double TOLERANCE = 0;
    /**
     * Iterations a tolerance measures the improvement over: long enough that Adam's rises and falls
     * after a large step average out, short enough to end a stalled level well before 500.
     */
    public static final int TOLERANCE_WINDOW = 50;
    /** Pyramid levels: one, no coarse-to-fine. */
    public static final int LEVELS = 1;
    /**
     * Standard deviation of the Gaussian noise initialisation, in 0-255 pixel units around the
     * ImageNet mean colour: a visible white-noise image, as in the paper, rather than neural-style's
     * near-uniform grey (0.001), so that different seeds really start from different images.
     */
    public static final double NOISE_STDDEV = 50;

    private Defaults() {
    }

    /** The content layer of the paper and of neural-style, {@code block4_conv2}, with trained weights. */
    public static Set<VggLayer> contentLayers() {
        return EnumSet.copyOf(WeightsDefaults.TRAINED.contentLayers());
    }

    /** The five style layers of the paper, {@code block1_conv1} to {@code block5_conv1}, weight 1 each. */
    public static Map<VggLayer, Double> styleLayers() {
        Map<VggLayer, Double> layers = new EnumMap<>(VggLayer.class);
        for (VggLayer layer : VggLayer.values()) {
            if (layer.indexInBlock() == 1) {
                layers.put(layer, 1.0);
            }
        }
        return layers;
    }
}
