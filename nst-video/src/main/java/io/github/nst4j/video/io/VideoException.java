package io.github.nst4j.video.io;

import io.github.nst4j.error.NstException;

/** A clip or frame folder that cannot be read, or an output that cannot be written; the message says which and why. */
public class VideoException extends NstException {
    private static final long serialVersionUID = 1L;

    public VideoException(String message) {
        super(message);
    }

    public VideoException(String message, Throwable cause) {
        super(message, cause);
    }
}
