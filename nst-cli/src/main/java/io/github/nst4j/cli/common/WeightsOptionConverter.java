package io.github.nst4j.cli.common;

import java.nio.file.Files;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses {@code --weights}: one of {@link WeightsOption#WORDS} (any case), else a weights file; a URL or
 * a directory is refused with what to give instead.
 */
public final class WeightsOptionConverter implements ITypeConverter<WeightsOption> {
    @Override
    public WeightsOption convert(String value) {
        String word = value.trim().toLowerCase(Locale.ROOT);
        if (WeightsOption.WORDS.contains(word)) {
            return new WeightsOption(word);
        }
        if (Files.isDirectory(new InputPathConverter().convert(value))) {
            throw new TypeConversionException(value + " is a directory; give the weights file in it (a .pth, a Keras"
                    + " .h5, a .npz or the zoo's .zip)");
        }
        return new WeightsOption(value);
    }
}
