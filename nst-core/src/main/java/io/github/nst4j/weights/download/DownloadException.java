package io.github.nst4j.weights.download;

import io.github.nst4j.error.NstException;

/**
 * A download that could not complete: its message names the address, the cause, the cache file and
 * how to work offline (by giving the file as a weights file instead).
 */
public class DownloadException extends NstException {
    private final String failure;
    private final String reason;

    /**
     * @param failure what failed, without advice
     * @param advice how to work offline, which the message adds and a command may replace with its own
     * @param reason the cause alone, for a short line, e.g. {@code "HTTP 404 Not Found"}
     */
    public DownloadException(String failure, String advice, String reason, Throwable cause) {
        super(failure + "; " + advice, cause);
        this.failure = failure;
        this.reason = reason;
    }

    /** The message without its advice on working offline, for a command that gives its own options. */
    public String failure() {
        return failure;
    }

    /** Why the download failed, in a few words, e.g. {@code "HTTP 404 Not Found"} or a wrong checksum. */
    public String reason() {
        return reason;
    }
}
