package io.github.nst4j.examples;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The sample photos and paintings of this clone, {@code nst-examples/images/} (see its
 * SOURCES.md), found by walking up from the working directory: Maven runs a module's code in the
 * module, an IDE or a user from the repository root.
 */
public final class SampleImages {
    private SampleImages() {
    }

    /** The folder holding {@code content/} and {@code style/}. */
    public static Path locate() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            for (Path candidate : new Path[] {dir.resolve("nst-examples").resolve("images"), dir.resolve("images")}) {
                if (Files.isDirectory(candidate.resolve("content")) && Files.isDirectory(candidate.resolve("style"))) {
                    return candidate;
                }
            }
        }
        throw new IllegalArgumentException("No nst-examples/images folder in " + start
                + " or above it; run from the clone or give --images DIR");
    }

    /** A sample photo, e.g. {@code chelsea.png}. */
    public static Path content(String name) {
        return locate().resolve("content").resolve(name);
    }

    /** A sample painting or texture, e.g. {@code starry_night.jpg}. */
    public static Path style(String name) {
        return locate().resolve("style").resolve(name);
    }
}
