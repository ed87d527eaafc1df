package io.github.nst4j.weights.download;

import java.io.IOException;

/** The connection ended before the whole file arrived; the bytes that did arrive are kept on disk. */
final class ConnectionCutException extends IOException {
    ConnectionCutException(String message, Throwable cause) {
        super(message, cause);
    }
}
