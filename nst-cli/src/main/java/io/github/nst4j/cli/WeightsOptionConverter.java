package io.github.nst4j.cli;

import picocli.CommandLine.ITypeConverter;

/** Parses {@code --weights}: the words zoo and random (any case), else a file path. */
final class WeightsOptionConverter implements ITypeConverter<WeightsOption> {
    @Override
    public WeightsOption convert(String value) {
        String word = value.trim().toLowerCase(java.util.Locale.ROOT);
        if (word.equals(WeightsOption.ZOO) || word.equals(WeightsOption.RANDOM)) {
            return new WeightsOption(word);
        }
        return new WeightsOption(value);
    }
}
