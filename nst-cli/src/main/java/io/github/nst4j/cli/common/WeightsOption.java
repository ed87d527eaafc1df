package io.github.nst4j.cli.common;

import io.github.nst4j.network.InputConvention;
import io.github.nst4j.weights.WeightsSource;
import io.github.nst4j.weights.download.DownloadListener;
import java.nio.file.Path;
import java.util.List;

/**
 * The value of {@code --weights}: {@code pretrained} (the zoo, else Keras' file, else torchvision's),
 * one of those alone ({@code zoo}, {@code keras}, {@code torchvision}), {@code untrained},
 * {@code random} or a weights file.
 */
public record WeightsOption(String value) {
    public static final String PRETRAINED = "pretrained";
    public static final String ZOO = "zoo";
    public static final String KERAS = "keras";
    public static final String TORCHVISION = "torchvision";
    public static final String UNTRAINED = "untrained";
    public static final String RANDOM = "random";
    /** The words {@code --weights} takes besides a file. */
    public static final List<String> WORDS = List.of(PRETRAINED, ZOO, KERAS, TORCHVISION, UNTRAINED, RANDOM);
    /** What to give when the weights cannot be downloaded. */
    public static final String OFFLINE_CHOICES = "the offline choices: --weights FILE (a downloaded .pth, .h5, .npz or the"
            + " zoo's .zip), or --weights untrained (no file: a plainer but real style transfer)";

    /**
     * @param seed seed of untrained or random weights
     * @param convention {@code --weights-preprocessing}, or null for the source's own
     * @param download hears the progress of a download, and a move to the next source
     */
    public WeightsSource source(long seed, InputConvention convention, DownloadListener download) {
        return switch (value) {
            case PRETRAINED -> WeightsSource.pretrained(download);
            case ZOO -> WeightsSource.zoo(download);
            case KERAS -> WeightsSource.keras(download);
            case TORCHVISION -> WeightsSource.torchvision(download);
            case UNTRAINED -> WeightsSource.untrained(seed);
            case RANDOM -> WeightsSource.random(seed);
            default -> convention == null ? WeightsSource.file(Path.of(value))
                    : WeightsSource.file(Path.of(value), convention);
        };
    }

    /** True when the value names a weights file rather than one of the {@link #WORDS}. */
    public boolean isFile() {
        return !WORDS.contains(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
