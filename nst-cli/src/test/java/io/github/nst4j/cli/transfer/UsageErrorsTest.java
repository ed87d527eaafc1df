package io.github.nst4j.cli.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nst4j.cli.NstMain;
import io.github.nst4j.cli.common.ExitCode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Bad command lines exit 2 with one error line and the hint to {@code --help}, whether picocli or
 * the library finds the fault; the library's checks run before any image or weights are read
 * (the input files here are empty, so reading one would fail differently).
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

    /** An empty file in the test's directory: there, but no image. */
    private String file(String name) {
        try {
            Path file = dir.resolve(name);
            return (Files.exists(file) ? file : Files.createFile(file)).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void picocliErrors() {
        Run unknown = run("--content", file("a.png"), "--style", file("b.png"), "--output", output(), "--colour", "x");
        assertThat(unknown.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(unknown.err()).contains("Run 'nst --help' for the options.");
        assertThat(run("--content", file("a.png"), "--style", file("b.png"), "--output", output(), "--size", "big").exitCode())
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
        Run small = run("--content", file("a.png"), "--style", file("b.png"), "--output", output(), "--size", "8");
        assertThat(small.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(small.err()).startsWith("nst: error: --size: The size must be at least 32 px, got 8")
                .contains("Run 'nst --help' for the options.");

        Run rate = run("--content", file("a.png"), "--style", file("b.png"), "--output", output(), "--learning-rate", "-1");
        assertThat(rate.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(rate.err()).startsWith("nst: error: --learning-rate: ");
    }

    @Test
    void modeConflictsAreUsageErrors() {
        Run texture = run("--mode", "texture", "--content", file("a.png"), "--style", file("b.png"), "--output", output());
        assertThat(texture.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(texture.err()).startsWith("nst: error: --content: Texture mode uses no content image");

        Run colours = run("--mode", "texture", "--style", file("b.png"), "--output", output(), "--preserve-colors",
                "luminance");
        assertThat(colours.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(colours.err()).startsWith("nst: error: --preserve-colors: ");

        Run contentWithStyle = run("--mode", "content", "--content", file("a.png"), "--style", file("b.png"), "--output",
                output());
        assertThat(contentWithStyle.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(contentWithStyle.err()).startsWith("nst: error: --style: Content mode uses no style image");

        Run masks = run("--content", file("a.png"), "--style", file("b.png") + "," + file("c.png"), "--style-masks", file("m.png"), "--output",
                output());
        assertThat(masks.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(masks.err()).startsWith("nst: error: --style-masks: Give one mask per style image: 2 styles, 1 mask");

        Run sourceMasks = run("--content", file("a.png"), "--style", file("b.png") + "," + file("c.png"), "--style-blend", "1,1",
                "--style-source-masks", file("m.png"), "--output", output());
        assertThat(sourceMasks.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(sourceMasks.err()).startsWith("nst: error: --style-source-masks: Give one source mask per style"
                + " image: 2 styles, 1 source mask");

        Run separateOutputs = run("--content", file("a.png"), "--style", file("b.png") + "," + file("c.png"), "--style-source-masks",
                file("m.png") + "," + file("n.png"), "--output", output());
        assertThat(separateOutputs.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(separateOutputs.err()).contains("--style-source-masks with several styles needs --style-blend");

        Run start = run("--content", file("a.png"), "--style", file("b.png"), "--output", output(), "--size", "64",
                "--start-size", "128");
        assertThat(start.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(start.err()).startsWith("nst: error: --start-size: ");
    }

    /** A bare "nst" shows what it takes, as a usage error: it is not a run. */
    @Test
    void aBareCommandShowsTheUsage() {
        Run bare = run();
        assertThat(bare.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(bare.err()).startsWith("Usage: nst --content").contains("--style=").doesNotContain("Missing");
    }

    /** Enum choices are listed as users type them. */
    @Test
    void wrongChoicesListTheChoicesInLowerCase() {
        Run pooling = run("--content", file("a.png"), "--style", file("b.png"), "--output", output(), "--pooling",
                "median");
        assertThat(pooling.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(pooling.err()).startsWith("nst: error: Invalid value for option '--pooling': expected one of avg,"
                + " max but was 'median'");
        assertThat(run("--content", file("a.png"), "--style", file("b.png"), "--output", output(), "--optimizer",
                "LBFGS", "--size", "8").err()).startsWith("nst: error: --size: ");
    }

    /** A list of numbers starting with a minus reaches the library's check instead of reading as an option. */
    @Test
    void negativeWeightsAreRefusedAsWeights() {
        Run blend = run("--content", file("a.png"), "--style", file("b.png") + "," + file("c.png"), "--style-blend",
                "-1,2", "--output", output());
        assertThat(blend.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(blend.err()).startsWith("nst: error: --style-blend: Style blend weight must be a positive number,"
                + " got -1.0");
        Run layers = run("--content", file("a.png"), "--style", file("b.png"), "--style-layers", "block1_conv1",
                "--style-layer-weights", "-2", "--output", output());
        assertThat(layers.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(layers.err()).startsWith("nst: error: --style-layers/--style-layer-weights: ").contains("-2.0");
    }

    @Test
    void countsAgreeWithTheirNouns() {
        Run weights = run("--content", file("a.png"), "--style", file("b.png"), "--style-layers", "block1_conv1",
                "--style-layer-weights", "1,2", "--output", output());
        assertThat(weights.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(weights.err()).contains("1 layer, 2 weights");
        Run blend = run("--content", file("a.png"), "--style", file("b.png") + "," + file("c.png"), "--style-blend",
                "1", "--output", output());
        assertThat(blend.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(blend.err()).contains("Give one blend weight per style image: 2 styles, 1 weight");
    }

    /** A budget no run fits in, or a bare number meant as megabytes, is refused at once. */
    @Test
    void aTinyMemoryBudgetIsRefused() {
        Run tiny = run("--content", file("a.png"), "--style", file("b.png"), "--output", output(), "--max-memory",
                "100");
        assertThat(tiny.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(tiny.err()).startsWith("nst: error: Invalid value for option '--max-memory': '100' is below the"
                + " 100 MB any run needs (a number without a unit is bytes)").doesNotContain("GB");
    }
}
