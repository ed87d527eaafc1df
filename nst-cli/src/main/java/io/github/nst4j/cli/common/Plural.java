package io.github.nst4j.cli.common;

/** Counts with their noun in the right number: "1 weight", "2 weights". */
public final class Plural {
    private Plural() {
    }

    /** {@code count} and {@code noun}, with an s unless the count is 1. */
    public static String of(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
