package io.github.nst4j.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nst bench} options: the PyTorch comparison is optional and never costs the Java figures,
 * and the drift mode reports both windows. Tiny sizes and iteration counts; no figure is asserted.
 */
class CliBenchTest {
    private static final String JAVA_ROW = "(?m)^\\s*32x32\\s+\\d+\\.\\d+ s";

    @TempDir
    Path dir;

    @Test
    void missingPythonLeavesTheJavaFiguresAndOneExplanation() {
        Path python = dir.resolve("no-such-python");
        CliRun run = CliRun.of("bench", "--sizes", "32", "--iterations", "1", "--warmup", "0",
                "--compare-pytorch", "--python", python.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern(JAVA_ROW);
        assertThat(run.out().lines().filter(line -> line.contains("PyTorch"))).singleElement().asString()
                .startsWith("PyTorch comparison skipped: cannot run " + python).contains("python3-torch");
    }

    @Test
    void comparesWithPytorchWhenDebiansTorchIsInstalled() throws IOException, InterruptedException {
        assumeTrue(importsTorch("/usr/bin/python3"), "/usr/bin/python3 has no torch (Debian: python3-torch)");
        CliRun run = CliRun.of("bench", "--sizes", "32", "--iterations", "1", "--warmup", "0",
                "--compare-pytorch", "--python", "/usr/bin/python3");

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
        CliRun run = CliRun.of("bench", "--sizes", "32", "--iterations", "3", "--warmup", "1",
                "--compare-pytorch", "--python", python.toString());

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
        CliRun run = CliRun.of("bench", "--sizes", "32", "--iterations", "2", "--warmup", "0",
                "--compare-pytorch", "--python", python.toString());

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
        CliRun run = CliRun.of("bench", "--drift", "30", "--sizes", "32");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Drift: 30 iterations at 32x32")
                .containsPattern("(?m)^\\s*10-20\\s+\\d+\\.\\d{3}\\s+\\d+\\.\\d{3}\\s+\\d+ MB")
                .containsPattern("(?m)^\\s*20-30\\s+\\d+\\.\\d{3}\\s+\\d+\\.\\d{3}\\s+\\d+ MB")
                .containsPattern("change: [+-]\\d+\\.\\d % s/iter");
    }

    @Test
    void badCombinationsAreUsageErrors() {
        assertThat(CliRun.of("bench", "--python", "python3").err()).contains("--python only applies with --compare-pytorch");
        assertThat(CliRun.of("bench", "--drift", "20").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("bench", "--drift", "100", "--sizes", "32,64").err()).contains("--drift measures one size");
        assertThat(CliRun.of("bench", "--drift", "100", "--compare-pytorch").exitCode()).isEqualTo(2);
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
