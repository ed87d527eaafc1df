package io.github.nst4j.cli;

/** Exit codes of the {@code nst} command. */
final class ExitCode {
    /** The output was written. */
    static final int OK = 0;
    /** The run failed: unreadable input, weights unavailable, diverging loss, write error. */
    static final int FAILURE = 1;
    /** The command line was wrong: unknown option, bad value. */
    static final int USAGE = 2;
    /** Stopped by Ctrl-C or SIGTERM; the best image so far was written. */
    static final int INTERRUPTED = 130;

    private ExitCode() {
    }
}
