package io.github.nst4j.spark;

import io.github.nst4j.error.NstException;

/**
 * Inputs the job refuses before any work: a missing directory, manifest or weights file, an empty
 * directory, a bad manifest row, two items that would write one output, an output over an input.
 * Like a bad command line, it exits with code 2.
 */
final class InputRefusedException extends NstException {
    private static final long serialVersionUID = 1L;

    InputRefusedException(String message) {
        super(message);
    }

    InputRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
