package io.github.nst4j.cli;

import io.github.nst4j.network.InputConvention;
import io.github.nst4j.weights.WeightsSource;
import io.github.nst4j.weights.download.DownloadListener;
import java.nio.file.Path;

/** The value of {@code --weights}: {@code zoo}, {@code untrained}, {@code random} or a weights file. */
record WeightsOption(String value) {
    static final String ZOO = "zoo";
    static final String UNTRAINED = "untrained";
    static final String RANDOM = "random";
    /** What to give when the zoo cannot be downloaded. */
    static final String OFFLINE_CHOICES = "the offline choices: --weights FILE (the zoo's vgg19_dl4j_inference.zip,"
            + " a Keras VGG19 .h5 or a .npz), or --weights untrained (no file: a plainer but real style transfer)";

    /**
     * @param seed seed of untrained or random weights
     * @param convention {@code --weights-preprocessing}, or null for the source's own
     * @param download hears the progress of a zoo download
     */
    WeightsSource source(long seed, InputConvention convention, DownloadListener download) {
        return switch (value) {
            case ZOO -> WeightsSource.zoo(download);
            case UNTRAINED -> WeightsSource.untrained(seed);
            case RANDOM -> WeightsSource.random(seed);
            default -> convention == null ? WeightsSource.file(Path.of(value))
                    : WeightsSource.file(Path.of(value), convention);
        };
    }

    /** True when the value names a weights file rather than zoo, untrained or random. */
    boolean isFile() {
        return !value.equals(ZOO) && !value.equals(UNTRAINED) && !value.equals(RANDOM);
    }

    @Override
    public String toString() {
        return value;
    }
}
