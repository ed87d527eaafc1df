package io.github.nst4j.examples;

import io.github.nst4j.weights.WeightsSource;
import io.github.nst4j.weights.download.DownloadListener;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The examples' weights argument, as {@code nst --weights}: {@code zoo} (pretrained, downloaded
 * once), {@code untrained} (no download), {@code random} or a file.
 */
public final class ExampleWeights {
    /** The pretrained weights of the DL4J model zoo. */
    public static final String ZOO = "zoo";
    /** Untrained weights drawn to see style: no download, a plainer but real style transfer. */
    public static final String UNTRAINED = "untrained";
    /** The zoo model's random initialisation: a pipeline check, not a real style transfer. */
    public static final String RANDOM = "random";

    private ExampleWeights() {
    }

    /** The source {@code value} names (the words in any case); a file is checked when the weights are loaded. */
    public static WeightsSource parse(String value) {
        return parse(value, DownloadListener.NONE);
    }

    /** As {@link #parse(String)}, reporting a zoo download to {@code download}. */
    public static WeightsSource parse(String value, DownloadListener download) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case UNTRAINED -> WeightsSource.untrained(1);
            case RANDOM -> WeightsSource.random(1);
            case ZOO -> WeightsSource.zoo(download);
            default -> WeightsSource.file(Path.of(value));
        };
    }
}
