package io.github.nst4j.examples;

import io.github.nst4j.error.NstException;
import io.github.nst4j.image.ImageWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * An output image argument, checked before the run so that a long run is not lost to a typo: a
 * {@code .png}, {@code .jpg} or {@code .jpeg} name in a directory that exists.
 */
public final class OutputImageConverter implements ITypeConverter<Path> {
    @Override
    public Path convert(String value) {
        Path file = Path.of(value);
        if (Files.isDirectory(file)) {
            throw new TypeConversionException(value + " is a directory; give a file name ending .png or .jpg");
        }
        try {
            ImageWriter.formatOf(file);
        } catch (NstException e) {
            throw new TypeConversionException(e.getMessage());
        }
        Path directory = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(directory)) {
            throw new TypeConversionException("the folder " + directory + " does not exist (create it first)");
        }
        return file;
    }
}
