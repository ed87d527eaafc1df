package io.github.nst4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nst4j.StyleTransfer;
import io.github.nst4j.weights.WeightsSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job on Spark's real engine, {@code local[2]}, with random weights at 32-40 px. */
class NstSparkJobTest {
    private static final long SEED = 7;
    private static final String[] SETTINGS = {"--size", "40", "--iterations", "3", "--seed", String.valueOf(SEED),
        "--weights", "random"};

    @TempDir
    Path dir;

    @Test
    void sixPairsFromDirectoriesEqualTheApiAndARerunSkipsThemAll() throws IOException {
        Path contents = dir.resolve("contents");
        Path styles = dir.resolve("styles");
        for (int i = 0; i < 3; i++) {
            TestImages.write(contents.resolve("c" + i + ".png"), 40, 32, i);
        }
        for (int i = 0; i < 2; i++) {
            TestImages.write(styles.resolve("s" + i + ".png"), 32, 32, 10 + i);
        }
        Path out = dir.resolve("out");
        Path report = dir.resolve("report.csv");

        SparkRun first = SparkRun.on("local[2]", job(contents, styles, out, report));

        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
        assertThat(first.out()).contains("6 items: 6 done, 0 skipped, 0 failed");
        List<Map<String, String>> rows = ReportRows.read(report);
        assertThat(rows).hasSize(6).allSatisfy(row -> {
            assertThat(row.get("status")).isEqualTo("done");
            assertThat(Double.parseDouble(row.get("total_loss"))).isPositive();
            assertThat(row.get("executor")).isNotEmpty();
        });
        assertThat(outputs(out)).containsExactlyInAnyOrder("c0_s0.png", "c0_s1.png", "c1_s0.png", "c1_s1.png",
                "c2_s0.png", "c2_s1.png");
        WeightsSource weights = WeightsSource.random(SEED).cached();
        for (int c = 0; c < 3; c++) {
            for (int s = 0; s < 2; s++) {
                int[] api = TestImages.pixels(StyleTransfer.builder()
                        .content(contents.resolve("c" + c + ".png"))
                        .style(styles.resolve("s" + s + ".png"))
                        .size(40).iterations(3).seed(SEED).weights(weights)
                        .build().run().image());
                assertThat(TestImages.pixels(out.resolve("c" + c + "_s" + s + ".png"))).as("c%d_s%d", c, s)
                        .isEqualTo(api);
            }
        }
        Map<String, FileTime> times = modificationTimes(out);

        SparkRun second = SparkRun.on("local[2]", job(contents, styles, out, report));

        assertThat(second.exitCode()).as(second.out() + second.err()).isZero();
        assertThat(second.out()).contains("6 items: 0 done, 6 skipped, 0 failed");
        assertThat(ReportRows.read(report)).hasSize(6).allSatisfy(row -> assertThat(row.get("status"))
                .isEqualTo("skipped"));
        assertThat(modificationTimes(out)).isEqualTo(times);
    }

    @Test
    void aCorruptContentFailsItsRowWithTheReasonAndTheOthersAreDone() throws IOException {
        Path contents = dir.resolve("contents");
        TestImages.write(contents.resolve("good.png"), 32, 32, 1);
        Files.write(contents.resolve("broken.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2});
        Path styles = dir.resolve("styles");
        TestImages.write(styles.resolve("s.png"), 32, 32, 2);
        Path out = dir.resolve("out");
        Path report = dir.resolve("report.csv");

        SparkRun run = SparkRun.on("local[2]", job(contents, styles, out, report));

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).contains("2 items: 1 done, 0 skipped, 1 failed")
                .contains("failed: broken.png x s.png: ");
        Map<String, Map<String, String>> byOutput = new HashMap<>();
        ReportRows.read(report).forEach(row -> byOutput.put(Path.of(row.get("output")).getFileName().toString(), row));
        assertThat(byOutput.get("good_s.png").get("status")).isEqualTo("done");
        Map<String, String> broken = byOutput.get("broken_s.png");
        assertThat(broken.get("status")).isEqualTo("failed");
        assertThat(broken.get("error")).contains("broken.png").containsAnyOf("Cannot read image", "Not a supported image")
                .doesNotContain("\n");
        assertThat(outputs(out)).containsExactly("good_s.png");
    }

    @Test
    void aTaskThatFailsItsFirstAttemptIsRetriedAndWritesItsItemOnce() throws IOException {
        Path contents = dir.resolve("contents");
        TestImages.write(contents.resolve("a.png"), 32, 32, 1);
        TestImages.write(contents.resolve("b.png"), 32, 32, 2);
        Path styles = dir.resolve("styles");
        TestImages.write(styles.resolve("s.png"), 32, 32, 3);
        Path out = dir.resolve("out");
        Path report = dir.resolve("report.csv");
        List<String> args = new ArrayList<>(List.of(job(contents, styles, out, report)));
        args.addAll(List.of("--fail-first-attempt", "b_s.png"));

        // local[2,2]: two cores, and a task may fail twice before the job does.
        SparkRun run = SparkRun.on("local[2,2]", args.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("2 items: 2 done, 0 skipped, 0 failed");
        Map<String, Map<String, String>> byOutput = new HashMap<>();
        ReportRows.read(report).forEach(row -> byOutput.put(Path.of(row.get("output")).getFileName().toString(), row));
        assertThat(byOutput.get("b_s.png")).containsEntry("status", "done").containsEntry("attempt", "1");
        assertThat(byOutput.get("a_s.png")).containsEntry("status", "done").containsEntry("attempt", "0");
        // Exactly the two outputs: no duplicate, no temporary file left by the failed attempt.
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactlyInAnyOrder("a_s.png",
                    "b_s.png");
        }
    }

    private static String[] job(Path contents, Path styles, Path out, Path report) {
        List<String> args = new ArrayList<>(List.of("--content-dir", contents.toUri().toString(),
                "--style-dir", styles.toString(), "--output-dir", out.toString(), "--report", report.toString()));
        args.addAll(List.of(SETTINGS));
        return args.toArray(String[]::new);
    }

    private static List<String> outputs(Path out) throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            return files.map(file -> file.getFileName().toString()).toList();
        }
    }

    private static Map<String, FileTime> modificationTimes(Path out) throws IOException {
        Map<String, FileTime> times = new HashMap<>();
        for (String name : outputs(out)) {
            times.put(name, Files.getLastModifiedTime(out.resolve(name)));
        }
        return times;
    }
}
