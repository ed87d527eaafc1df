package io.github.nst4j.weights.torch;

import java.util.List;

/** Checked casts of unpickled values, refusing a malformed pickle with a sentence. */
final class PickledValues {
    private PickledValues() {
    }

    static long asLong(Object value, String what) throws TorchFormatException {
        if (value instanceof Long number) {
            return number;
        }
        throw malformed(what + " is " + describe(value) + ", not an integer");
    }

    static String asString(Object value, String what) throws TorchFormatException {
        if (value instanceof String string) {
            return string;
        }
        throw malformed(what + " is " + describe(value) + ", not a string");
    }

    /** A tuple (the unpickler's unmodifiable list) of exactly {@code size} items, or of any size if -1. */
    static List<?> asTuple(Object value, int size, String what) throws TorchFormatException {
        if (value instanceof List<?> tuple && (size < 0 || tuple.size() == size)) {
            return tuple;
        }
        throw malformed(what + " is " + describe(value) + (size < 0 ? ", not a tuple" : ", not a tuple of " + size));
    }

    /** A tuple of non-negative integers, as sizes and strides are. */
    static long[] asSizes(Object value, String what) throws TorchFormatException {
        List<?> tuple = asTuple(value, -1, what);
        long[] sizes = new long[tuple.size()];
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = asLong(tuple.get(i), what + "[" + i + "]");
            if (sizes[i] < 0) {
                throw malformed(what + " " + tuple + " is negative");
            }
        }
        return sizes;
    }

    static TorchFormatException malformed(String detail) {
        return new TorchFormatException("its pickle is malformed (" + detail + "); save the file again");
    }

    /** A value or its kind, short and on one line, for messages. */
    static String describe(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof List<?> list) {
            return "a sequence of " + list.size();
        }
        if (value instanceof String || value instanceof Long || value instanceof Double || value instanceof Boolean) {
            String text = value.toString().replaceAll("\\p{Cntrl}", "?");
            return "'" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'";
        }
        // The allowed globals name themselves (torch.FloatStorage); anything else only by kind.
        return value instanceof Enum<?> ? value.toString() : "a " + value.getClass().getSimpleName();
    }
}
