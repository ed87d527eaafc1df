package io.github.nst4j.examples;

import io.github.nst4j.weights.WeightsSource;
import java.nio.file.Path;

/** The examples' weights argument: {@code zoo} (pretrained, downloaded once), {@code random} or a file. */
public final class ExampleWeights {
    private ExampleWeights() {
    }

    /** The source {@code value} names; a file is checked when the weights are loaded. */
    public static WeightsSource parse(String value) {
        return switch (value) {
            case "random" -> WeightsSource.random(1);
            case "zoo" -> WeightsSource.zoo();
            default -> WeightsSource.file(Path.of(value));
        };
    }
}
