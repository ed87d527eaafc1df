package io.github.nst4j.error;

/**
 * The one exception nst4j throws for problems a user can fix: a missing or unreadable file, an
 * unsupported format, an image too small, a bad option, weights that cannot be loaded. Its message
 * is a single line that names the problem and the fix.
 */
public class NstException extends RuntimeException {
    public NstException(String message) {
        super(message);
    }

    public NstException(String message, Throwable cause) {
        super(message, cause);
    }
}
