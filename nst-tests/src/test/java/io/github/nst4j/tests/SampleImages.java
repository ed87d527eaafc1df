package io.github.nst4j.tests;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The sample photos and paintings kept in the repository under {@code nst-examples/images/} (see
 * its SOURCES.md). Found by walking up from the working directory, so Maven (which runs tests in
 * the module) and an IDE (which may run them from the repository root) both find them.
 */
final class SampleImages {
    private static final Path ROOT = locate();

    private SampleImages() {
    }

    static Path content(String name) {
        return ROOT.resolve("content").resolve(name);
    }

    static Path style(String name) {
        return ROOT.resolve("style").resolve(name);
    }

    private static Path locate() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("nst-examples").resolve("images");
            if (Files.isDirectory(candidate.resolve("content"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("Sample images not found: no nst-examples/images/ in " + start
                + " or any parent directory; run the tests from within the repository");
    }
}
