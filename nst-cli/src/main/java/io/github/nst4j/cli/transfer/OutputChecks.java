package io.github.nst4j.cli.transfer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Checks, before any work, that a file the run will write can be written: it is not a directory,
 * its directory exists and is writable, and its extension is one the writer supports. Each problem
 * is one sentence naming the option, the user's path and the fix.
 */
final class OutputChecks {
    private OutputChecks() {
    }

    /**
     * The problem with writing {@code file} for {@code option}, or null when there is none.
     *
     * @param extensions accepted extensions, lower case with the dot; empty accepts any
     * @param example a file name to suggest when {@code file} is a directory
     */
    static String problem(String option, Path file, List<String> extensions, String example) {
        if (Files.isDirectory(file)) {
            return option + " names a directory, " + file + "; name a file in it, e.g. " + file.resolve(example);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!extensions.isEmpty() && extensions.stream().noneMatch(name::endsWith)) {
            return option + " must name a " + String.join(" or ", extensions) + " file, got " + file;
        }
        Path directory = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(directory)) {
            return option + ": the directory " + directory + " does not exist; create it or choose another path";
        }
        if (!Files.isWritable(directory)) {
            return option + ": the directory " + directory + " is not writable; choose another path";
        }
        if (Files.exists(file) && !Files.isWritable(file)) {
            return option + ": " + file + " exists and is not writable; choose another path";
        }
        return null;
    }
}
