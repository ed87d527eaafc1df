package io.github.nst4j.cli.common;

import io.github.nst4j.network.VggLayer;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses a VGG19 layer by its zoo name, e.g. {@code block4_conv2}. */
public final class VggLayerConverter implements ITypeConverter<VggLayer> {
    @Override
    public VggLayer convert(String value) {
        try {
            return VggLayer.fromName(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
