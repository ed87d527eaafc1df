package io.github.nst4j.tests;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real photos and paintings of {@code ../shared/images/} beside the repository (see its
 * SOURCES.md). They are not copied into the repository, so tests find them by walking up from
 * the working directory, or where the environment variable {@code NST_SHARED_IMAGES} points.
 */
final class SharedImages {
    private static final Path ROOT = locate();

    private SharedImages() {
    }

    static Path content(String name) {
        return ROOT.resolve("content").resolve(name);
    }

    static Path style(String name) {
        return ROOT.resolve("style").resolve(name);
    }

    private static Path locate() {
        String configured = System.getenv("NST_SHARED_IMAGES");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path dir = Path.of("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            Path candidate = d.resolve("shared").resolve("images");
            if (Files.isDirectory(candidate.resolve("content"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("Test images not found: no shared/images/ in " + dir
                + " or any parent directory (the repository expects them at ../shared/images/;"
                + " or set NST_SHARED_IMAGES)");
    }
}
