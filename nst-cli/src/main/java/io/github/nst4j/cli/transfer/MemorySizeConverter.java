package io.github.nst4j.cli.transfer;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Parses a memory size as Java's -Xmx does: {@code 4g}, {@code 1500m}, {@code 512k} or bytes. A
 * budget below {@value #MINIMUM_MB} MB is refused: no run fits in it, and a bare number is bytes,
 * which is rarely what was meant.
 */
final class MemorySizeConverter implements ITypeConverter<Long> {
    static final int MINIMUM_MB = 100;
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgt]?)b?");

    @Override
    public Long convert(String value) {
        Matcher matcher = SIZE.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new TypeConversionException("'" + value + "' is not a memory size; give e.g. 4g or 1500m");
        }
        int shift = switch (matcher.group(2)) {
            case "k" -> 10;
            case "m" -> 20;
            case "g" -> 30;
            case "t" -> 40;
            default -> 0;
        };
        double bytes = Double.parseDouble(matcher.group(1)) * (1L << shift);
        if (bytes > Long.MAX_VALUE / 2) {
            throw new TypeConversionException("'" + value + "' is not a usable memory size; give e.g. 4g or 1500m");
        }
        if (bytes < MINIMUM_MB * (1L << 20)) {
            String unit = matcher.group(2).isEmpty() ? " (a number without a unit is bytes)" : "";
            throw new TypeConversionException("'" + value + "' is below the " + MINIMUM_MB + " MB any run needs" + unit
                    + "; give e.g. 4g or 1500m");
        }
        return (long) bytes;
    }
}
