package io.github.nst4j.examples;

import io.github.nst4j.error.InvalidSettingException;
import io.github.nst4j.error.NstException;
import io.github.nst4j.weights.download.DownloadException;
import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/**
 * The command line of an example program, failing as {@code nst} does: one line on stderr naming
 * the problem and the fix, exit code {@value #USAGE} for a bad command line, input or setting and
 * {@value #FAILED} for a run that could not finish (weights unavailable, a file not written). Only
 * a bug, which its report needs, prints a stack trace.
 */
public final class ExampleCommandLine {
    /** The run could not finish. */
    public static final int FAILED = 1;
    /** The command line, an input file or a setting is wrong. */
    public static final int USAGE = 2;

    private static final String OFFLINE_HINT = " (offline: --weights FILE reads a weights file; --weights random"
            + " checks the pipeline with untrained weights, not a real style transfer)";

    private ExampleCommandLine() {
    }

    /** A picocli command line for {@code command} (annotated with {@code @Command}) with these failure rules. */
    public static CommandLine of(Object command) {
        CommandLine commandLine = new CommandLine(command);
        commandLine.setUnmatchedOptionsAllowedAsOptionParameters(false);
        commandLine.setParameterExceptionHandler((e, args) -> {
            CommandLine failed = e.getCommandLine();
            failed.getErr().println(failed.getCommandName() + ": error: " + e.getMessage()
                    + " (--help lists the arguments and options)");
            return USAGE;
        });
        commandLine.setExecutionExceptionHandler((e, failed, parsed) -> {
            String prefix = failed.getCommandName() + ": error: ";
            if (e instanceof InvalidSettingException) {
                failed.getErr().println(prefix + e.getMessage());
                return USAGE;
            }
            if (e instanceof NstException || e instanceof IOException || e instanceof UncheckedIOException) {
                failed.getErr().println(prefix + e.getMessage() + (e instanceof DownloadException ? OFFLINE_HINT : ""));
                return FAILED;
            }
            failed.getErr().println(failed.getCommandName() + ": internal error: " + e);
            e.printStackTrace(failed.getErr());
            return FAILED;
        });
        return commandLine;
    }
}
