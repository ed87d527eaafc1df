package io.github.nst4j.video.cli;

import io.github.nst4j.cli.NstMain;
import io.github.nst4j.cli.common.ExitCode;
import io.github.nst4j.cli.common.InputPathConverter;
import java.nio.file.Path;
import picocli.CommandLine;

/**
 * Entry point of the {@code nst} command with {@code nst video} added: the video libraries (FFmpeg,
 * OpenCV) live in this module's jar alone, and the plain nst-cli jar does without them.
 */
public final class NstVideoMain {
    private NstVideoMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command and returns its exit code instead of exiting; for tests and embedding. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** nst's command line (its error handling and converters included) with the video command. */
    public static CommandLine commandLine() {
        CommandLine commandLine = NstMain.commandLine();
        CommandLine video = new CommandLine(new VideoCommand());
        // Picocli hands these settings only to the subcommands present when they are made; the
        // exception handlers are the top command's, which execute() uses for every subcommand.
        video.registerConverter(Path.class, new InputPathConverter());
        video.setUnmatchedOptionsAllowedAsOptionParameters(false);
        video.setExitCodeExceptionMapper(e -> ExitCode.FAILURE);
        commandLine.addSubcommand("video", video);
        return commandLine;
    }
}
