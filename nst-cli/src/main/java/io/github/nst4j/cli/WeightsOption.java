package io.github.nst4j.cli;

import io.github.nst4j.image.InputConvention;
import io.github.nst4j.weights.WeightsSource;
import java.nio.file.Path;

/** The value of {@code --weights}: {@code zoo}, {@code random} or a weights file. */
record WeightsOption(String value) {
    static final String ZOO = "zoo";
    static final String RANDOM = "random";

    /**
     * @param seed seed of random weights
     * @param convention {@code --weights-preprocessing}, or null for the source's own
     */
    WeightsSource source(long seed, InputConvention convention) {
        return switch (value) {
            case ZOO -> WeightsSource.zoo();
            case RANDOM -> WeightsSource.random(seed);
            default -> convention == null ? WeightsSource.file(Path.of(value))
                    : WeightsSource.file(Path.of(value), convention);
        };
    }

    @Override
    public String toString() {
        return value;
    }
}
