package io.github.nst4j.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Writes a file under a temporary name beside it and renames it into place, so that a crash never
 * leaves a half-written file and an existing one is replaced only when the new one is complete.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Writes one file's content to the path it is given. */
    @FunctionalInterface
    public interface Writer {
        /**
         * @param file the temporary file to write, moved into place afterwards
         * @throws IOException if writing fails; the target is then left as it was
         */
        void writeTo(Path file) throws IOException;
    }

    /**
     * Writes {@code target} through {@code writer}; the temporary file is gone afterwards, whatever
     * happens.
     */
    public static void write(Path target, Writer writer) throws IOException {
        // Not Files.createTempFile: its owner-only mode would carry over to the target.
        Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            writer.writeTo(temp);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            deleteQuietly(temp);
        }
    }

    /** Deletes a file if it exists; returns false when that failed. */
    public static boolean deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
