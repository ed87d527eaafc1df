package io.github.nst4j.cli.studio;

import io.github.nst4j.error.NstException;

/** A request the studio turns down, with the HTTP status to answer and a one-line reason for the page. */
final class Refusal extends NstException {
    private final int status;

    Refusal(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
