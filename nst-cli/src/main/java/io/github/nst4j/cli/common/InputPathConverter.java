package io.github.nst4j.cli.common;

import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses a path option, refusing URLs: a path would silently turn {@code http://host/a.jpg} into
 * {@code http:/host/a.jpg} and then report a missing file.
 */
public final class InputPathConverter implements ITypeConverter<Path> {
    @Override
    public Path convert(String value) {
        if (value.contains("://")) {
            throw new TypeConversionException("URLs are not supported: download the file first, then give its path ("
                    + value + ")");
        }
        return Path.of(value);
    }
}
