package io.github.nst4j.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.nst4j.cli.NstMain;
import io.github.nst4j.examples.SampleImages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to a running {@code nst} process (as Ctrl-C or a job scheduler would send), then
 * {@code --resume}: the final pixels equal those of a run that was never interrupted.
 */
class InterruptResumeCliTest {
    private static final int ITERATIONS = 40;

    @TempDir
    Path dir;

    /**
     * Interrupted, then resumed: the same pixels as an uninterrupted run, and a record, chart and
     * animation that cover the whole run; the finished run removes its state. While the first run
     * holds the output, a second run writing it is refused.
     */
    @Test
    void resumedRunWritesThePixelsAndRecordsOfAnUninterruptedRun() throws Exception {
        Path output = dir.resolve("run.png");
        Path logFile = dir.resolve("nst.log");
        Process process = startCli(args(output, "--save-every", "1", "--animate", dir.resolve("run.gif").toString(),
                "--plot", dir.resolve("run-plot.png").toString()), logFile);
        try {
            waitFor(dir.resolve("run_0002.png"), process);
            CliRun second = CliRun.of(args(output).toArray(String[]::new));
            assertThat(second.exitCode()).isEqualTo(1);
            assertThat(second.err()).contains("Another nst run is writing " + output);
            process.destroy(); // SIGTERM
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        } finally {
            process.destroyForcibly();
        }
        String log = Files.readString(logFile);
        assertThat(process.exitValue()).as(log).isEqualTo(130);
        Path state = dir.resolve("run.png.state.npz");
        assertThat(state).exists();
        assertThat(output).exists();
        assertThat(log).contains("--resume " + state).contains("keeping the best image so far (TERM again to quit now)");
        int interruptedAfter = new ObjectMapper().readTree(dir.resolve("run.png.json").toFile())
                .path("iterations").size();
        assertThat(interruptedAfter).isBetween(2, ITERATIONS - 1);

        // A resume with other settings is refused naming what differs; more iterations are explained.
        CliRun otherWeight = CliRun.of(args(output, "--resume", state.toString(), "--style-weight", "50")
                .toArray(String[]::new));
        assertThat(otherWeight.exitCode()).isEqualTo(2);
        assertThat(otherWeight.err()).contains("it differs in --style-weight 50")
                .contains("(the interrupted run: 100");
        CliRun moreIterations = CliRun.of(with(args(output, "--resume", state.toString()), "--iterations", "80"));
        assertThat(moreIterations.exitCode()).isEqualTo(2);
        assertThat(moreIterations.err()).contains("it differs in --iterations 80 (the interrupted run: 40)")
                .contains("--init");

        List<String> resume = args(output, "--save-every", "1", "--animate", dir.resolve("run.gif").toString(),
                "--plot", dir.resolve("run-plot.png").toString(), "--resume", state.toString());
        CliRun resumed = CliRun.of(resume.toArray(String[]::new));
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(resumed.out()).contains("resuming after iteration " + interruptedAfter)
                .contains("removed " + state);
        assertThat(state).doesNotExist();
        assertThat(dir.resolve(".run.png.lock")).doesNotExist();

        Path wholeOutput = dir.resolve("whole.png");
        CliRun whole = CliRun.of(args(wholeOutput, "--save-every", "1", "--animate",
                dir.resolve("whole.gif").toString()).toArray(String[]::new));
        assertThat(whole.exitCode()).as(whole.err()).isZero();

        assertThat(FeatureOptionsTest.pixels(ImageIO.read(output.toFile())))
                .isEqualTo(FeatureOptionsTest.pixels(ImageIO.read(wholeOutput.toFile())));
        JsonNode steps = new ObjectMapper().readTree(dir.resolve("run.png.json").toFile()).path("iterations");
        assertThat(steps).hasSize(ITERATIONS);
        for (int i = 0; i < ITERATIONS; i++) {
            assertThat(steps.get(i).path("iteration").asInt()).isEqualTo(i + 1);
            assertThat(steps.get(i).path("elapsedMillis").isNumber()).as("time of iteration %d", i + 1).isTrue();
        }
        assertThat(frames(dir.resolve("run.gif"))).isEqualTo(frames(dir.resolve("whole.gif")));
    }

    private static int frames(Path gif) throws IOException {
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            reader.setInput(in);
            return reader.getNumImages(true);
        } finally {
            reader.dispose();
        }
    }

    @Test
    void resumeRejectsAStateFromOtherOptions() throws IOException {
        Path output = dir.resolve("a.png");
        Path state = dir.resolve("bogus.state.npz");
        Files.writeString(state, "not a state");
        List<String> arguments = args(output);
        arguments.add("--resume");
        arguments.add(state.toString());
        CliRun run = CliRun.of(arguments.toArray(String[]::new));
        // A --resume that names no usable state is a bad command line, found before any work.
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("nst: error: --resume: Cannot read the run state " + state);
        assertThat(run.out()).isEmpty();
        assertThat(output).doesNotExist();
    }

    /** {@code args} with one option's value replaced. */
    private static String[] with(List<String> args, String option, String value) {
        List<String> changed = new ArrayList<>(args);
        changed.set(changed.indexOf(option) + 1, value);
        return changed.toArray(String[]::new);
    }

    private static List<String> args(Path output, String... more) {
        List<String> args = new ArrayList<>(List.of("--content", SampleImages.content("coffee.png").toString(),
                "--style", SampleImages.style("brick.png").toString(), "--output", output.toString(),
                "--size", "48", "--iterations", String.valueOf(ITERATIONS), "--weights", "random"));
        args.addAll(List.of(more));
        return args;
    }

    /** The CLI in a child JVM on this test's class path; destroy() closes pipes, so its output goes to a file. */
    private static Process startCli(List<String> args, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g", "-cp", System.getProperty("java.class.path"), "io.github.nst4j.cli.NstMain"));
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private static void waitFor(Path file, Process process) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (!Files.exists(file)) {
            assertThat(process.isAlive()).as("the nst process ended before writing " + file).isTrue();
            assertThat(System.nanoTime()).as("waiting for " + file).isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
