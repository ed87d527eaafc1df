package io.github.nst4j.examples;

import io.github.nst4j.error.InvalidSettingException;
import io.github.nst4j.error.NstException;
import io.github.nst4j.weights.download.DownloadException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

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

    private static final String OFFLINE_HINT = " (offline: --weights untrained needs no file, a plainer but real"
            + " style transfer; --weights FILE reads a downloaded weights file)";

    private ExampleCommandLine() {
    }

    /** A picocli command line for {@code command} (annotated with {@code @Command}) with these failure rules. */
    public static CommandLine of(Object command) {
        CommandLine commandLine = new CommandLine(command);
        commandLine.setUnmatchedOptionsAllowedAsOptionParameters(false);
        commandLine.setParameterExceptionHandler((e, args) -> {
            CommandLine failed = e.getCommandLine();
            failed.getErr().println(failed.getCommandName() + ": error: " + describe(e));
            return USAGE;
        });
        commandLine.setExecutionExceptionHandler((e, failed, parsed) -> {
            String prefix = failed.getCommandName() + ": error: ";
            if (e instanceof InvalidSettingException) {
                failed.getErr().println(prefix + e.getMessage());
                return USAGE;
            }
            if (e instanceof NstException || e instanceof UncheckedIOException) {
                failed.getErr().println(prefix + (e instanceof DownloadException download ? download.failure()
                        + OFFLINE_HINT : e.getMessage()));
                return FAILED;
            }
            failed.getErr().println(failed.getCommandName() + ": internal error: " + e);
            e.printStackTrace(failed.getErr());
            return FAILED;
        });
        return commandLine;
    }

    /**
     * A value a converter refused as "ARGUMENT: why (fix)". The examples' own refusals and picocli's
     * bad values name their fix; picocli's complaints about the shape of the command line (its
     * subclasses: unknown option, missing argument) point to --help.
     */
    private static String describe(ParameterException e) {
        ArgSpec argument = e.getArgSpec();
        if (e.getCause() instanceof TypeConversionException refused && argument != null) {
            String name = argument instanceof OptionSpec option ? option.longestName() : argument.paramLabel();
            return name + ": " + refused.getMessage();
        }
        return e.getClass() == ParameterException.class ? e.getMessage()
                : e.getMessage() + " (--help lists the arguments and options)";
    }
}
