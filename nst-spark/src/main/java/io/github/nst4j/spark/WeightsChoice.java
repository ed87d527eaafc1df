package io.github.nst4j.spark;

import io.github.nst4j.network.InputConvention;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * The value of {@code --weights}: {@code pretrained} (the zoo, else Keras', else torchvision's), one of those
 * alone ({@code zoo}, {@code keras}, {@code torchvision}), {@code untrained}, {@code random}, or a weights file
 * given as a URI every executor can read or as the name of a file shipped with {@code spark-submit --files}.
 *
 * @param value as given
 * @param convention {@code --weights-preprocessing}, or null for the file's own
 */
record WeightsChoice(String value, InputConvention convention) implements Serializable {
    private static final long serialVersionUID = 1L;
    static final String PRETRAINED = "pretrained";
    static final String ZOO = "zoo";
    static final String KERAS = "keras";
    static final String TORCHVISION = "torchvision";
    static final String UNTRAINED = "untrained";
    static final String RANDOM = "random";
    private static final List<String> WORDS = List.of(PRETRAINED, ZOO, KERAS, TORCHVISION, UNTRAINED, RANDOM);

    WeightsChoice {
        String word = value.trim().toLowerCase(Locale.ROOT);
        if (WORDS.contains(word)) {
            value = word;
        }
    }

    boolean isFile() {
        return !WORDS.contains(value);
    }

    /** A bare file name, which may name a file shipped with {@code --files}. */
    boolean isShippedName() {
        return isFile() && !value.contains("/") && !value.contains(":");
    }
}
