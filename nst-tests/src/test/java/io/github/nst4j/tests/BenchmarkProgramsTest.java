package io.github.nst4j.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.nst4j.examples.bench.CompareWithPytorch;
import io.github.nst4j.examples.bench.DriftRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark programs of nst-examples and {@code nst bench}: the PyTorch comparison is optional
 * and never costs the Java figures, the drift run reports both windows, and the user's
 * {@code nst bench} has no developer options. Tiny sizes and iteration counts; no figure is asserted.
 */
class BenchmarkProgramsTest {
    private static final String JAVA_ROW = "(?m)^\\s*32x32\\s+\\d+\\.\\d{3}\\s+-\\s+-\\s+\\d+ MB\\s+-$";

    @TempDir
    Path dir;

    @Test
    void missingPythonLeavesTheJavaFiguresAndOneExplanation() {
        Path python = dir.resolve("no-such-python");
        CliRun run = compare("--sizes", "32", "--iterations", "1", "--warmup", "0", "--python", python.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern(JAVA_ROW);
        assertThat(run.out().lines().filter(line -> line.startsWith("PyTorch"))).singleElement().asString()
                .startsWith("PyTorch comparison skipped: cannot run " + python).contains("python3-torch");
    }

    @Test
    void comparesWithPytorchWhenDebiansTorchIsInstalled() throws IOException, InterruptedException {
        assumeTrue(importsTorch("/usr/bin/python3"), "/usr/bin/python3 has no torch (Debian: python3-torch)");
        CliRun run = compare("--sizes", "32", "--iterations", "1", "--warmup", "0", "--python", "/usr/bin/python3");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("PyTorch: /usr/bin/python3, torch ")
                .contains("nst4j s/iter  PyTorch s/iter  nst4j/PyTorch  nst4j peak RSS  PyTorch peak RSS")
                // size, nst4j s/iter, PyTorch s/iter, ratio, nst4j RSS, PyTorch RSS
                .containsPattern("(?m)^\\s*32x32\\s+\\d+\\.\\d{3}\\s+\\d+\\.\\d{3}\\s+\\d+\\.\\d{2}\\s+\\d+ MB\\s+\\d+ MB$");
    }

    @Test
    void pytorchRunsOneStepAfterEachTimedNst4jStep() throws IOException {
        Path requests = dir.resolve("requests.txt");
        Path python = fakePython("""
                echo ready
                while read request; do
                  echo "$request" >> '%s'
                  case "$request" in
                    step) echo "step seconds=0.5" ;;
                    done) echo "result size=32 median_s=0.5000 peak_rss_mb=7"; exit 0 ;;
                  esac
                done
                """.formatted(requests));
        CliRun run = compare("--sizes", "32", "--iterations", "3", "--warmup", "1", "--python", python.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readAllLines(requests)).containsExactly("step", "step", "step", "done");
        assertThat(run.out()).containsPattern("(?m)^\\s*32x32\\s+\\d+\\.\\d{3}\\s+0\\.500\\s+\\d+\\.\\d{2}\\s+\\d+ MB\\s+7 MB$");
    }

    @Test
    void aPytorchFailureMidRunLeavesTheJavaFigures() throws IOException {
        Path python = fakePython("""
                echo ready
                read request
                echo "RuntimeError: out of memory"
                exit 1
                """);
        CliRun run = compare("--sizes", "32", "--iterations", "2", "--warmup", "0", "--python", python.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern(JAVA_ROW)
                .contains("PyTorch failed at 32 px: the Python process ended (RuntimeError: out of memory)")
                .containsPattern("(?m)^\\s*32x32\\s+\\d+\\.\\d{3}\\s+-\\s+-\\s+\\d+ MB\\s+-$");
    }

    /**
     * A stand-in interpreter: answers the torch probe ({@code -c ...}) with a version and otherwise
     * runs {@code session}, a shell script speaking {@code pytorch_bench.py}'s protocol.
     */
    private Path fakePython(String session) throws IOException {
        Path python = dir.resolve("fake-python");
        Files.writeString(python, "#!/bin/sh\nif [ \"$1\" = -c ]; then echo 0.0-fake; exit 0; fi\n" + session);
        python.toFile().setExecutable(true);
        return python;
    }

    @Test
    void driftReportsTheEarlyAndTheLastIterations() {
        CliRun run = CliRun.of(DriftRun.commandLine(), "--iterations", "30", "--size", "32");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Drift: 30 iterations at 32x32")
                .containsPattern("(?m)^\\s*10-20\\s+\\d+\\.\\d{3}\\s+\\d+\\.\\d{3}\\s+\\d+ MB")
                .containsPattern("(?m)^\\s*20-30\\s+\\d+\\.\\d{3}\\s+\\d+\\.\\d{3}\\s+\\d+ MB")
                .containsPattern("change: [+-]\\d+\\.\\d % s/iter");
    }

    @Test
    void badValuesAreUsageErrors() {
        assertThat(compare("--sizes", "16").exitCode()).isEqualTo(2);
        assertThat(CliRun.of(DriftRun.commandLine(), "--iterations", "20").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("bench", "--iterations", "0").exitCode()).isEqualTo(2);
    }

    @Test
    void theUsersBenchHasNoDeveloperOptions() {
        assertThat(CliRun.of("bench", "--help").out()).doesNotContainIgnoringCase("pytorch").doesNotContain("--drift");
        assertThat(CliRun.of("--help").out()).doesNotContainIgnoringCase("pytorch");
        assertThat(CliRun.of("bench", "--compare-pytorch").exitCode()).isEqualTo(2);
    }

    @Test
    void theUsersBenchPrintsARowPerSize() {
        CliRun run = CliRun.of("bench", "--sizes", "32,40", "--iterations", "1", "--warmup", "0");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("(?m)^\\s*32x32\\s+\\d+\\.\\d+ s")
                .containsPattern("(?m)^\\s*40x40\\s+\\d+\\.\\d+ s");
    }

    private static CliRun compare(String... args) {
        return CliRun.of(CompareWithPytorch.commandLine(), args);
    }

    private static boolean importsTorch(String python) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of(python))) {
            return false;
        }
        Process process = new ProcessBuilder(python, "-c", "import torch").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return process.waitFor(120, TimeUnit.SECONDS) && process.exitValue() == 0;
    }
}
