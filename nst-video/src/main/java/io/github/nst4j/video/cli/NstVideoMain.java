package io.github.nst4j.video.cli;

import io.github.nst4j.cli.NstMain;
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
        commandLine.addSubcommand("video", new VideoCommand());
        return commandLine;
    }
}
