package io.github.nst4j.examples;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;

/**
 * The sample photos and paintings of this clone, {@code nst-examples/images/} (see its
 * SOURCES.md). They are found beside these classes ({@code nst-examples/target/classes}), so an
 * example runs from any working directory, else by walking up from the working directory (a copy
 * of the classes elsewhere, run in the clone).
 */
public final class SampleImages {
    private SampleImages() {
    }

    /** The folder holding {@code content/} and {@code style/}, if this is a clone's build. */
    public static Optional<Path> find() {
        return classesLocation().flatMap(SampleImages::atOrAbove).or(() -> atOrAbove(Path.of("").toAbsolutePath()));
    }

    /**
     * As {@link #find()}, for code that needs the samples.
     *
     * @throws IllegalStateException if there is no such folder
     */
    public static Path locate() {
        return find().orElseThrow(() -> new IllegalStateException("No nst-examples/images folder beside the example"
                + " classes or at or above the working directory; run from a clone of nst4j"));
    }

    /** A sample photo, e.g. {@code chelsea.png}. */
    public static Path content(String name) {
        return locate().resolve("content").resolve(name);
    }

    /** A sample painting or texture, e.g. {@code starry_night.jpg}. */
    public static Path style(String name) {
        return locate().resolve("style").resolve(name);
    }

    private static Optional<Path> atOrAbove(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            for (Path candidate : new Path[] {dir.resolve("nst-examples").resolve("images"), dir.resolve("images")}) {
                if (Files.isDirectory(candidate.resolve("content")) && Files.isDirectory(candidate.resolve("style"))) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** The folder or jar these classes were loaded from, when the class loader says. */
    private static Optional<Path> classesLocation() {
        CodeSource source = SampleImages.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
