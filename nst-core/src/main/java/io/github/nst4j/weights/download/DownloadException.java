package io.github.nst4j.weights.download;

import io.github.nst4j.error.NstException;

/**
 * A download that could not complete: its message names the address, the cause, the cache file and
 * how to work offline (by giving the file as a weights file instead).
 */
public class DownloadException extends NstException {
    private final String reason;

    /** @param reason the cause alone, for a short line, e.g. {@code "HTTP 404 Not Found"} */
    public DownloadException(String message, String reason, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** Why the download failed, in a few words, e.g. {@code "HTTP 404 Not Found"} or a wrong checksum. */
    public String reason() {
        return reason;
    }
}
