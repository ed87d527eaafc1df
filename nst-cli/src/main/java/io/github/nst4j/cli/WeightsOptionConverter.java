package io.github.nst4j.cli;

import java.nio.file.Files;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses {@code --weights}: the words zoo, untrained and random (any case), else a weights file; a URL or a
 * directory is refused with what to give instead.
 */
final class WeightsOptionConverter implements ITypeConverter<WeightsOption> {
    @Override
    public WeightsOption convert(String value) {
        String word = value.trim().toLowerCase(java.util.Locale.ROOT);
        if (word.equals(WeightsOption.ZOO) || word.equals(WeightsOption.UNTRAINED) || word.equals(WeightsOption.RANDOM)) {
            return new WeightsOption(word);
        }
        if (Files.isDirectory(new InputPathConverter().convert(value))) {
            throw new TypeConversionException(value + " is a directory; give the weights file in it (the zoo's .zip,"
                    + " a Keras .h5 or a .npz)");
        }
        return new WeightsOption(value);
    }
}
