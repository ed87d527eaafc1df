package io.github.nst4j.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.imageio.stream.ImageInputStream;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * An input image argument, checked when the command line is read rather than minutes into a run:
 * the file exists and its first bytes are of a format ImageIO decodes (JPEG, PNG, BMP, GIF).
 */
public final class InputImageConverter implements ITypeConverter<Path> {
    @Override
    public Path convert(String value) {
        Path file = Path.of(value);
        if (Files.isDirectory(file)) {
            throw new TypeConversionException(value + " is a directory; give an image file");
        }
        if (!Files.isRegularFile(file)) {
            throw new TypeConversionException("no such file: " + value + " (check the path)");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null || !ImageIO.getImageReaders(in).hasNext()) {
                throw new TypeConversionException(value + " is not an image (use a JPEG, PNG, BMP or GIF file)");
            }
        } catch (IOException e) {
            throw new TypeConversionException("cannot read " + value + ": " + e.getMessage());
        }
        return file;
    }
}
