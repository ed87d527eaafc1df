package io.github.nst4j.weights;

import io.github.nst4j.model.Vgg19Weights;

/**
 * Where the VGG19 convolution weights come from.
 *
 * <p>{@link #zoo()}, the default, gives the ImageNet-trained weights of the Deeplearning4j model
 * zoo (downloaded once, ~550 MB). {@link #random(long)} gives untrained weights: enough to exercise
 * the whole pipeline offline, but the result is not a style transfer.
 */
public interface WeightsSource {
    /** Loads the weights; may download or read large files. */
    Vgg19Weights load();

    /** A short human-readable name, e.g. for logs and run records. */
    String description();

    /** True for trained weights; false for random ones, whose results are meaningless. */
    boolean isPretrained();

    /**
     * This source, loading at most once: later calls return the same weights. Use it to run many
     * transfers (several images, a benchmark) without reloading the network.
     */
    default WeightsSource cached() {
        return this instanceof CachedWeightsSource ? this : new CachedWeightsSource(this);
    }

    /** The ImageNet VGG19 of the Deeplearning4j model zoo, downloaded and cached on first use. */
    static WeightsSource zoo() {
        return new ZooWeightsSource();
    }

    /** Randomly initialised VGG19 weights, reproducible for a given seed; for tests and smoke runs. */
    static WeightsSource random(long seed) {
        return new RandomWeightsSource(seed);
    }
}
