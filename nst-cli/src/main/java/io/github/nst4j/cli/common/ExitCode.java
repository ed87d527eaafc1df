package io.github.nst4j.cli.common;

/** Exit codes of the {@code nst} command. */
public final class ExitCode {
    /** The output was written. */
    public static final int OK = 0;
    /** The run failed: unreadable input, weights unavailable, diverging loss, write error. */
    public static final int FAILURE = 1;
    /** The command line was wrong: unknown option, bad value. */
    public static final int USAGE = 2;
    /** Stopped by Ctrl-C or SIGTERM; the best image so far was written. */
    public static final int INTERRUPTED = 130;

    private ExitCode() {
    }
}
