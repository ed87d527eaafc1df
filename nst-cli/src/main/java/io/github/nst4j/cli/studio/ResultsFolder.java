package io.github.nst4j.cli.studio;

import io.github.nst4j.error.NstException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where the studio writes each run's image and record: a temporary folder that {@link #close()}
 * removes, or the {@code --keep} folder, which stays, its files named after the session's start so
 * that a later session does not overwrite them.
 */
final class ResultsFolder implements AutoCloseable {
    private final Path folder;
    private final String prefix;
    private final boolean temporary;

    private ResultsFolder(Path folder, String prefix, boolean temporary) {
        this.folder = folder;
        this.prefix = prefix;
        this.temporary = temporary;
    }

    static ResultsFolder temporary() {
        try {
            return new ResultsFolder(Files.createTempDirectory("nst-studio-"), "", true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary folder for the results", e);
        }
    }

    /** @throws NstException if the folder cannot be created */
    static ResultsFolder kept(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new NstException("Cannot create the --keep folder " + folder + " (" + e.getMessage()
                    + "); choose another folder");
        }
        String session = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return new ResultsFolder(folder, "studio-" + session + "-", false);
    }

    Path folder() {
        return folder;
    }

    boolean isTemporary() {
        return temporary;
    }

    Path image(int run) {
        return folder.resolve(prefix + "run-" + run + ".png");
    }

    Path record(int run) {
        return folder.resolve(prefix + "run-" + run + ".json");
    }

    /** Removes a temporary folder and everything in it; a kept one stays. */
    @Override
    public void close() {
        if (!temporary) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            System.err.println("nst studio: could not remove " + folder + " (" + e.getMessage() + ")");
        }
    }
}
