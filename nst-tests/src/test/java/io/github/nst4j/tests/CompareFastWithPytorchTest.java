package io.github.nst4j.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nst4j.examples.bench.CompareFastWithPytorch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fast style network's PyTorch comparison: optional, one line when PyTorch is missing, and a
 * PyTorch pass after each timed nst4j pass, with the script's arguments. Tiny sizes, inference only
 * (the training step takes minutes); no figure is asserted.
 */
class CompareFastWithPytorchTest {
    @TempDir
    Path dir;

    @Test
    void missingPythonLeavesTheJavaFiguresAndOneExplanation() {
        Path python = dir.resolve("no-such-python");
        CliRun run = compare("--sizes", "32", "--iterations", "1", "--warmup", "0", "--train-steps", "0",
                "--python", python.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("(?m)^32x32 inference\\s+\\d+\\.\\d{3}\\s+-\\s+-\\s+\\d+ MB\\s+-$");
        assertThat(run.out().lines().filter(line -> line.startsWith("PyTorch"))).singleElement().asString()
                .startsWith("PyTorch comparison skipped: cannot run " + python).contains("python3-torch");
    }

    @Test
    void pytorchRunsOnePassAfterEachTimedNst4jPass() throws IOException {
        Path requests = dir.resolve("requests.txt");
        Path python = dir.resolve("fake-python");
        Files.writeString(python, """
                #!/bin/sh
                if [ "$1" = -c ]; then echo 0.0-fake; exit 0; fi
                echo "$@" >> '%1$s'
                echo ready
                while read request; do
                  echo "$request" >> '%1$s'
                  case "$request" in
                    step) echo "step seconds=0.5" ;;
                    done) echo "result size=32 median_s=0.5000 peak_rss_mb=7"; exit 0 ;;
                  esac
                done
                """.formatted(requests));
        assertThat(python.toFile().setExecutable(true)).isTrue();
        CliRun run = compare("--sizes", "32", "--iterations", "2", "--warmup", "1", "--train-steps", "0",
                "--python", python.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readAllLines(requests)).hasSize(4).endsWith("step", "step", "done");
        assertThat(Files.readAllLines(requests).get(0)).endsWith("--mode infer").contains("--size 32", "--warmup 1");
        assertThat(run.out()).containsPattern(
                "(?m)^32x32 inference\\s+\\d+\\.\\d{3}\\s+0\\.500\\s+\\d+\\.\\d{2}\\s+\\d+ MB\\s+7 MB$");
    }

    @Test
    void badValuesAreUsageErrors() {
        CliRun run = compare("--iterations", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--iterations must be at least 1");
    }

    private static CliRun compare(String... args) {
        return CliRun.of(CompareFastWithPytorch.commandLine(), args);
    }
}
