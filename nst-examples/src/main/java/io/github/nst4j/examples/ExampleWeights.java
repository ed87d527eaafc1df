package io.github.nst4j.examples;

import io.github.nst4j.weights.WeightsSource;
import io.github.nst4j.weights.download.DownloadListener;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The examples' weights argument, as {@code nst --weights}: {@code pretrained} (downloaded once: the
 * zoo's, else Keras', else torchvision's), one of those alone ({@code zoo}, {@code keras},
 * {@code torchvision}), {@code untrained} (no download), {@code random} or a file.
 */
public final class ExampleWeights {
    /** Pretrained weights from the first source that can give them. */
    public static final String PRETRAINED = "pretrained";
    /** The pretrained weights of the DL4J model zoo alone. */
    public static final String ZOO = "zoo";
    /** Keras' pretrained weights alone. */
    public static final String KERAS = "keras";
    /** torchvision's pretrained weights alone. */
    public static final String TORCHVISION = "torchvision";
    /** Untrained weights drawn to see style: no download, a plainer but real style transfer. */
    public static final String UNTRAINED = "untrained";
    /** The zoo model's random initialisation: a pipeline check, not a real style transfer. */
    public static final String RANDOM = "random";
    /** Every word {@link #parse} takes besides a file. */
    public static final List<String> WORDS = List.of(PRETRAINED, ZOO, KERAS, TORCHVISION, UNTRAINED, RANDOM);

    private ExampleWeights() {
    }

    /** The source {@code value} names (the words in any case); a file is checked when the weights are loaded. */
    public static WeightsSource parse(String value) {
        return parse(value, DownloadListener.NONE);
    }

    /** As {@link #parse(String)}, reporting a download to {@code download}. */
    public static WeightsSource parse(String value, DownloadListener download) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case UNTRAINED -> WeightsSource.untrained(1);
            case RANDOM -> WeightsSource.random(1);
            case PRETRAINED -> WeightsSource.pretrained(download);
            case ZOO -> WeightsSource.zoo(download);
            case KERAS -> WeightsSource.keras(download);
            case TORCHVISION -> WeightsSource.torchvision(download);
            default -> WeightsSource.file(Path.of(value));
        };
    }
}
