package io.github.nst4j.cli;

import io.github.nst4j.cli.apply.ApplyCommand;
import io.github.nst4j.cli.common.ExitCode;
import io.github.nst4j.cli.common.InputPathConverter;
import io.github.nst4j.cli.stats.StatsCommand;
import io.github.nst4j.cli.studio.StudioCommand;
import io.github.nst4j.cli.train.TrainCommand;
import io.github.nst4j.cli.transfer.HelpLayout;
import io.github.nst4j.cli.transfer.NstCommand;
import io.github.nst4j.cli.transfer.StudioRecords;
import io.github.nst4j.cli.weights.WeightsCommand;
import io.github.nst4j.error.NstException;
import io.github.nst4j.weights.WeightsCache;
import picocli.CommandLine;

/** Entry point of the {@code nst} command. */
public final class NstMain {
    private NstMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command and returns its exit code instead of exiting; for tests and embedding. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The configured command line, shared by {@link #main} and tests (which may swap its writers). */
    public static CommandLine commandLine() {
        return commandLine(WeightsCache.standard());
    }

    /** As {@link #commandLine()}, with {@code nst weights} looking after {@code weightsCache}; for tests. */
    public static CommandLine commandLine(WeightsCache weightsCache) {
        CommandLine commandLine = new CommandLine(new NstCommand());
        // Added here rather than in @Command: the studio is handed the record writer it may not depend on.
        commandLine.addSubcommand("studio", new StudioCommand(new StudioRecords()));
        commandLine.addSubcommand("stats", new StatsCommand());
        commandLine.addSubcommand("train", new TrainCommand());
        commandLine.addSubcommand("apply", new ApplyCommand());
        commandLine.addSubcommand("weights", new WeightsCommand(weightsCache));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.registerConverter(java.nio.file.Path.class, new InputPathConverter());
        HelpLayout.install(commandLine);
        // --content takes several values; an unknown --option after it must be an error, not a file name.
        commandLine.setUnmatchedOptionsAllowedAsOptionParameters(false);
        commandLine.setExitCodeExceptionMapper(e -> ExitCode.FAILURE);
        commandLine.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println("nst: error: " + e.getMessage());
            e.getCommandLine().getErr().println("Run '" + e.getCommandLine().getCommandSpec().qualifiedName()
                    + " --help' for the options.");
            return ExitCode.USAGE;
        });
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof NstException) {
                cmd.getErr().println("nst: error: " + e.getMessage());
            } else {
                // Not a user error but a bug: the trace is what a report needs.
                cmd.getErr().println("nst: internal error: " + e);
                e.printStackTrace(cmd.getErr());
            }
            return ExitCode.FAILURE;
        });
        return commandLine;
    }
}
