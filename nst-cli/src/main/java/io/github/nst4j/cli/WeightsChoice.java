package io.github.nst4j.cli;

import io.github.nst4j.weights.WeightsSource;

/** Values of {@code --weights}. */
enum WeightsChoice {
    /** The pretrained ImageNet VGG19 of the Deeplearning4j zoo. */
    zoo,
    /** Untrained weights: offline smoke runs only. */
    random;

    WeightsSource source(long seed) {
        return this == zoo ? WeightsSource.zoo() : WeightsSource.random(seed);
    }
}
