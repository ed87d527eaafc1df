package io.github.nst4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nst4j.StyleTransfer;
import io.github.nst4j.weights.WeightsSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
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
        assertThat(images(out)).containsExactlyInAnyOrder("c0_s0.png", "c0_s1.png", "c1_s0.png", "c1_s1.png",
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
        // The rerun's report keeps what the first one knew: each output's losses and time.
        Map<String, Map<String, String>> firstRows = byOutput(rows);
        List<Map<String, String>> secondRows = ReportRows.read(report);
        assertThat(secondRows).hasSize(6).allSatisfy(row -> {
            Map<String, String> earlier = firstRows.get(Path.of(row.get("output")).getFileName().toString());
            assertThat(row.get("status")).isEqualTo("skipped");
            assertThat(row.get("note")).contains("written earlier with the same settings");
            for (String column : List.of("total_loss", "style_loss", "seconds")) {
                assertThat(row.get(column)).as(column).isEqualTo(earlier.get(column));
            }
        });
        assertThat(modificationTimes(out)).isEqualTo(times);
    }

    @Test
    void aRerunWithOtherSettingsRendersAgainAndSaysSoAndThenSkips() throws IOException {
        TestImages.write(dir.resolve("contents/c.png"), 40, 32, 1);
        TestImages.write(dir.resolve("styles/s.png"), 32, 32, 2);
        Path out = dir.resolve("out");
        Path report = dir.resolve("report.csv");
        SparkRun first = SparkRun.on("local[2]", job(dir.resolve("contents"), dir.resolve("styles"), out, report));
        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
        assertThat(width(out.resolve("c_s.png"))).isEqualTo(40);

        List<String> larger = new ArrayList<>(List.of(job(dir.resolve("contents"), dir.resolve("styles"), out,
                report)));
        larger.set(larger.indexOf("--size") + 1, "48");
        SparkRun second = SparkRun.on("local[2]", larger.toArray(String[]::new));

        assertThat(second.exitCode()).as(second.out() + second.err()).isZero();
        assertThat(second.out()).contains("1 item: 1 done, 0 skipped, 0 failed")
                .contains("rendered again: 1 output made with other settings or inputs");
        assertThat(width(out.resolve("c_s.png"))).isEqualTo(48);
        Map<String, String> redone = ReportRows.read(report).get(0);
        assertThat(redone).containsEntry("status", "done");
        assertThat(redone.get("note")).contains("made with other settings or inputs");
        assertThat(Files.readString(out.resolve("c_s.png.properties"))).contains("--size=48");

        SparkRun third = SparkRun.on("local[2]", larger.toArray(String[]::new));

        assertThat(third.out()).as(third.out() + third.err()).contains("1 item: 0 done, 1 skipped, 0 failed");
        assertThat(ReportRows.read(report).get(0)).containsEntry("total_loss", redone.get("total_loss"));
    }

    @Test
    void contentsThatShareANameAreEachRenderedUnderANameOfTheirOwn() throws IOException {
        Path contents = dir.resolve("contents");
        TestImages.write(contents.resolve("chelsea.png"), 32, 32, 1);
        TestImages.write(contents.resolve("chelsea.jpg"), 32, 32, 2);
        TestImages.write(dir.resolve("styles/s.png"), 32, 32, 3);
        Path out = dir.resolve("out");

        SparkRun run = SparkRun.on("local[2]", job(contents, dir.resolve("styles"), out, dir.resolve("r.csv")));

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .contains("contents/chelsea.jpg, contents/chelsea.png share a name; their outputs are named after"
                        + " chelsea_jpg, chelsea_png")
                .contains("2 items: 2 done, 0 skipped, 0 failed");
        assertThat(images(out)).containsExactlyInAnyOrder("chelsea_jpg_s.png", "chelsea_png_s.png");
    }

    @Test
    void pairsThatWouldShareAnOutputAreRefusedBeforeAnyWork() throws IOException {
        // a_b x c and a x b_c both make a_b_c.png.
        Path contents = dir.resolve("contents");
        TestImages.write(contents.resolve("a_b.png"), 32, 32, 1);
        TestImages.write(contents.resolve("a.png"), 32, 32, 2);
        Path styles = dir.resolve("styles");
        TestImages.write(styles.resolve("c.png"), 32, 32, 3);
        TestImages.write(styles.resolve("b_c.png"), 32, 32, 4);
        Path out = dir.resolve("out");

        SparkRun run = SparkRun.on("local[1]", job(contents, styles, out, dir.resolve("r.csv")));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("a.png x b_c.png and a_b.png x c.png would both write")
                .contains("a_b_c.png; give each its own output");
        assertThat(out).doesNotExist();
    }

    /** Item 8 of issue 23: a JPEG cut short is a damaged file, not a grey picture. */
    @Test
    void aTruncatedJpegFailsItsRowNamingTheFile() throws IOException {
        Path contents = dir.resolve("contents");
        TestImages.write(contents.resolve("good.png"), 32, 32, 1);
        Path photo = TestImages.write(dir.resolve("photo.jpg"), 128, 128, 2);
        Files.write(contents.resolve("cut.jpg"), Arrays.copyOf(Files.readAllBytes(photo), 3000));
        TestImages.write(dir.resolve("styles/s.png"), 32, 32, 3);
        Path out = dir.resolve("out");
        Path report = dir.resolve("report.csv");

        SparkRun run = SparkRun.on("local[2]", job(contents, dir.resolve("styles"), out, report));

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.out()).contains("2 items: 1 done, 0 skipped, 1 failed").contains("failed: cut.jpg x s.png: ");
        Map<String, String> cut = byOutput(ReportRows.read(report)).get("cut_s.png");
        assertThat(cut.get("status")).isEqualTo("failed");
        assertThat(cut.get("error")).contains("cut.jpg").doesNotContain("\n");
        assertThat(images(out)).containsExactly("good_s.png");
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
        Map<String, Map<String, String>> byOutput = byOutput(ReportRows.read(report));
        assertThat(byOutput.get("good_s.png").get("status")).isEqualTo("done");
        Map<String, String> broken = byOutput.get("broken_s.png");
        assertThat(broken.get("status")).isEqualTo("failed");
        assertThat(broken.get("error")).contains("broken.png")
                .containsAnyOf("Cannot read image", "Not a supported image").doesNotContain("\n");
        assertThat(images(out)).containsExactly("good_s.png");
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
        Map<String, Map<String, String>> byOutput = byOutput(ReportRows.read(report));
        assertThat(byOutput.get("b_s.png")).containsEntry("status", "done").containsEntry("attempt", "1");
        assertThat(byOutput.get("a_s.png")).containsEntry("status", "done").containsEntry("attempt", "0");
        // Exactly the two outputs and their records: no duplicate, no temporary file left by the failed attempt.
        assertThat(outputs(out)).containsExactlyInAnyOrder("a_s.png", "b_s.png", "a_s.png.properties",
                "b_s.png.properties");
    }

    private static String[] job(Path contents, Path styles, Path out, Path report) {
        List<String> args = new ArrayList<>(List.of("--content-dir", contents.toUri().toString(),
                "--style-dir", styles.toString(), "--output-dir", out.toString(), "--report", report.toString()));
        args.addAll(List.of(SETTINGS));
        return args.toArray(String[]::new);
    }

    /** The report's rows by their output's file name. */
    private static Map<String, Map<String, String>> byOutput(List<Map<String, String>> rows) {
        Map<String, Map<String, String>> byOutput = new HashMap<>();
        rows.forEach(row -> byOutput.put(Path.of(row.get("output")).getFileName().toString(), row));
        return byOutput;
    }

    /** The images among the outputs, without their records. */
    private static List<String> images(Path out) throws IOException {
        return outputs(out).stream().filter(name -> !name.endsWith(".properties")).toList();
    }

    private static int width(Path image) throws IOException {
        return ImageIO.read(image.toFile()).getWidth();
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
