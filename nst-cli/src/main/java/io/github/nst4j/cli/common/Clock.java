package io.github.nst4j.cli.common;

import java.util.Locale;

/** Times as the progress lines show them. */
public final class Clock {
    private Clock() {
    }

    /** {@code seconds} as {@code h:mm:ss}, e.g. an ETA of {@code 0:08:37}. */
    public static String of(long seconds) {
        return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, (seconds / 60) % 60, seconds % 60);
    }
}
