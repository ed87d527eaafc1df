package io.github.nst4j.examples;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the sample images of this clone are: {@code nst-examples/images}, found from the working directory. */
final class SampleImages {
    private SampleImages() {
    }

    static Path locate() {
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
}
