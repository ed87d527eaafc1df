package io.github.nst4j.spark;

import java.util.List;
import java.util.OptionalInt;

/**
 * The one setting of a model's item: {@code --size}, the long side of its output; without it the
 * output keeps its content's size, as {@code nst apply} does. The job's other options are a style
 * transfer's and do not apply: a model's style and strength were fixed when it was trained.
 */
final class ModelSettings {
    /** The smallest long side, as {@code nst apply} allows. */
    static final int MIN_SIZE = 8;
    private static final String SIZE = "--size=";

    private ModelSettings() {
    }

    /**
     * The item's long side from {@code --option=value} arguments (the last {@code --size} wins), or
     * empty for the content's own size.
     *
     * @throws IllegalArgumentException naming the argument that is not a size, or another option
     */
    static OptionalInt size(List<String> arguments) {
        OptionalInt size = OptionalInt.empty();
        for (String argument : arguments) {
            if (!argument.startsWith(SIZE)) {
                throw new IllegalArgumentException(argument.substring(0, Math.max(argument.indexOf('='), 0))
                        + " does not apply with --model: only size does (a model's style and strength were fixed"
                        + " when it was trained)");
            }
            String value = argument.substring(SIZE.length()).trim();
            int pixels;
            try {
                pixels = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--size: '" + value + "' is not a number of pixels", e);
            }
            if (pixels < MIN_SIZE) {
                throw new IllegalArgumentException("--size: " + pixels + " px is too small; give at least "
                        + MIN_SIZE);
            }
            size = OptionalInt.of(pixels);
        }
        return size;
    }
}
