package io.github.nst4j.cli.common;

import io.github.nst4j.ColorPreservation;
import io.github.nst4j.Mode;
import io.github.nst4j.Optimizer;
import io.github.nst4j.network.InputConvention;
import io.github.nst4j.network.Pooling;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses an enum option in any case and, for a wrong value, lists the choices as users type them
 * (lower case); picocli's own converter lists the constants' upper-case names. One subclass per
 * enum, since picocli instantiates converters by class.
 */
public abstract class LowerCaseEnumConverter<E extends Enum<E>> implements ITypeConverter<E> {
    private final Class<E> type;

    LowerCaseEnumConverter(Class<E> type) {
        this.type = type;
    }

    @Override
    public E convert(String value) {
        String name = value.trim();
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(name)) {
                return constant;
            }
        }
        throw new TypeConversionException("expected one of " + Arrays.stream(type.getEnumConstants())
                .map(constant -> constant.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))
                + " but was '" + value + "'");
    }

    public static final class OfMode extends LowerCaseEnumConverter<Mode> {
        OfMode() {
            super(Mode.class);
        }
    }

    public static final class OfOptimizer extends LowerCaseEnumConverter<Optimizer> {
        OfOptimizer() {
            super(Optimizer.class);
        }
    }

    public static final class OfPooling extends LowerCaseEnumConverter<Pooling> {
        OfPooling() {
            super(Pooling.class);
        }
    }

    public static final class OfColorPreservation extends LowerCaseEnumConverter<ColorPreservation> {
        OfColorPreservation() {
            super(ColorPreservation.class);
        }
    }

    public static final class OfInputConvention extends LowerCaseEnumConverter<InputConvention> {
        OfInputConvention() {
            super(InputConvention.class);
        }
    }
}
