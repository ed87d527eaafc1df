package io.github.nst4j.spark;

import io.github.nst4j.error.NstException;
import picocli.CommandLine;

/** Entry point of the {@code nst-spark} job, for {@code spark-submit --class io.github.nst4j.spark.NstSparkMain}. */
public final class NstSparkMain {
    private NstSparkMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the job and returns its exit code instead of exiting; for tests and embedding. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The configured command line (tests may swap its writers). */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new NstSparkCommand());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setExitCodeExceptionMapper(e -> NstSparkCommand.FAILURE);
        commandLine.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println("nst-spark: error: " + e.getMessage());
            e.getCommandLine().getErr().println("Run 'nst-spark --help' for the options.");
            return NstSparkCommand.USAGE;
        });
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof InputRefusedException) {
                cmd.getErr().println("nst-spark: error: " + e.getMessage());
                return NstSparkCommand.USAGE;
            }
            if (e instanceof NstException) {
                cmd.getErr().println("nst-spark: error: " + e.getMessage());
            } else {
                cmd.getErr().println("nst-spark: internal error: " + e);
                e.printStackTrace(cmd.getErr());
            }
            return NstSparkCommand.FAILURE;
        });
        return commandLine;
    }
}
