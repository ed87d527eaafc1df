package io.github.nst4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Bad command lines exit 2 with one error line and the hint to {@code --help}, whether picocli or
 * the library finds the fault; the library's checks run before any image or weights are read
 * (the input files here do not exist).
 */
class UsageErrorsTest {
    @TempDir
    Path dir;

    private record Run(int exitCode, String err) {
    }

    private Run run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine commandLine = NstMain.commandLine();
        commandLine.setOut(new PrintWriter(new StringWriter(), true));
        commandLine.setErr(new PrintWriter(err, true));
        return new Run(commandLine.execute(args), err.toString());
    }

    private String output() {
        return dir.resolve("out.png").toString();
    }

    @Test
    void picocliErrors() {
        Run unknown = run("--content", "a.png", "--style", "b.png", "--output", output(), "--colour", "x");
        assertThat(unknown.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(unknown.err()).contains("Run 'nst --help' for the options.");
        assertThat(run("--content", "a.png", "--style", "b.png", "--output", output(), "--size", "big").exitCode())
                .isEqualTo(ExitCode.USAGE);
    }

    @Test
    void benchErrorsPointToBenchHelp() {
        Run bench = run("bench", "--sizes", "8");
        assertThat(bench.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(bench.err()).contains("Run 'nst bench --help' for the options.");
    }

    @Test
    void theLibrarysRefusalNamesTheFlag() {
        Run small = run("--content", "a.png", "--style", "b.png", "--output", output(), "--size", "8");
        assertThat(small.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(small.err()).startsWith("nst: error: --size: The size must be at least 32 px, got 8")
                .contains("Run 'nst --help' for the options.");

        Run rate = run("--content", "a.png", "--style", "b.png", "--output", output(), "--learning-rate", "-1");
        assertThat(rate.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(rate.err()).startsWith("nst: error: --learning-rate: ");
    }

    @Test
    void modeConflictsAreUsageErrors() {
        Run texture = run("--mode", "texture", "--content", "a.png", "--style", "b.png", "--output", output());
        assertThat(texture.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(texture.err()).startsWith("nst: error: --content: Texture mode uses no content image");

        Run colours = run("--mode", "texture", "--style", "b.png", "--output", output(), "--preserve-colors",
                "luminance");
        assertThat(colours.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(colours.err()).startsWith("nst: error: --preserve-colors: ");

        Run contentWithStyle = run("--mode", "content", "--content", "a.png", "--style", "b.png", "--output",
                output());
        assertThat(contentWithStyle.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(contentWithStyle.err()).startsWith("nst: error: --style: Content mode uses no style image");

        Run masks = run("--content", "a.png", "--style", "b.png,c.png", "--style-masks", "m.png", "--output",
                output());
        assertThat(masks.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(masks.err()).startsWith("nst: error: --style-masks: Give one mask per style image: 2 styles, 1 masks");

        Run sourceMasks = run("--content", "a.png", "--style", "b.png,c.png", "--style-blend", "1,1",
                "--style-source-masks", "m.png", "--output", output());
        assertThat(sourceMasks.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(sourceMasks.err()).startsWith("nst: error: --style-source-masks: Give one source mask per style"
                + " image: 2 styles, 1 source masks");

        Run separateOutputs = run("--content", "a.png", "--style", "b.png,c.png", "--style-source-masks",
                "m.png,n.png", "--output", output());
        assertThat(separateOutputs.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(separateOutputs.err()).contains("--style-source-masks with several styles needs --style-blend");

        Run start = run("--content", "a.png", "--style", "b.png", "--output", output(), "--size", "64",
                "--start-size", "128");
        assertThat(start.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(start.err()).startsWith("nst: error: --start-size: ");
    }
}
