package io.github.nst4j.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nst4j.cli.NstMain;
import io.github.nst4j.examples.SampleImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In a real process, standard output carries only nst's own lines (what it does and what it
 * wrote), so that it can be piped; ND4J's and DL4J's start-up logging and the progress go to
 * standard error.
 */
class CliStreamsTest {
    @TempDir
    Path dir;

    @Test
    void stdoutHoldsOnlyTheSummaryAndTheWrittenFiles() throws Exception {
        Path output = dir.resolve("out.png");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx2g", "-cp", System.getProperty("java.class.path"), "io.github.nst4j.cli.NstMain",
                "--content", SampleImages.content("chelsea.png").toString(), "--style",
                SampleImages.style("brick.png").toString(), "--output", output.toString(), "--size", "48",
                "--iterations", "2", "--weights", "random"));
        Path stdout = dir.resolve("stdout.txt");
        Path stderr = dir.resolve("stderr.txt");
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                .start();
        assertThat(process.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(stderr)).isZero();

        List<String> lines = Files.readAllLines(stdout);
        assertThat(lines).as(String.join("\n", lines)).hasSize(2);
        assertThat(lines.get(0)).startsWith("Stylising ");
        assertThat(lines.get(1)).startsWith("Wrote " + output);
        assertThat(Files.readString(stderr)).contains("iteration 2/2");
    }
}
