package io.github.nst4j.weights.download;

import io.github.nst4j.error.NstException;

/**
 * A download that could not complete: its message names the address, the cause, the cache file and
 * how to work offline (by giving the file as a weights file instead).
 */
public class DownloadException extends NstException {
    public DownloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
