package io.github.nst4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nst4j.fast.FastStyleModel;
import io.github.nst4j.image.Images;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job with {@code --model}: a tiny fast style model over 32-48 px images on {@code local[2]}. */
class ModelJobTest {
    @TempDir
    Path dir;

    @Test
    void everyContentOfADirectoryEqualsTheModelsApiAndARerunSkipsThemAll() throws IOException {
        Path contents = dir.resolve("contents");
        TestImages.write(contents.resolve("c.png"), 40, 32, 1);
        TestImages.write(contents.resolve("chelsea.png"), 32, 40, 2);
        TestImages.write(contents.resolve("chelsea.jpg"), 36, 36, 3);
        Path model = TestModels.write(dir.resolve("models/m.nstm"), 5);
        Path out = dir.resolve("out");
        Path report = dir.resolve("report.csv");
        String[] job = {"--model", model.toUri().toString(), "--content-dir", contents.toString(), "--output-dir",
            out.toString(), "--report", report.toString(), "--size", "36"};

        SparkRun first = SparkRun.on("local[2]", job);

        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
        assertThat(first.out()).contains("contents/chelsea.jpg, contents/chelsea.png share a name")
                .contains("3 items: 3 done, 0 skipped, 0 failed");
        assertThat(images(out)).containsExactlyInAnyOrder("c.png", "chelsea_png.png", "chelsea_jpg.png");
        FastStyleModel api = FastStyleModel.load(model);
        Map<String, String> outputOf = Map.of("c.png", "c.png", "chelsea.png", "chelsea_png.png", "chelsea.jpg",
                "chelsea_jpg.png");
        outputOf.forEach((content, output) -> {
            int[] expected = TestImages.pixels(api.stylize(
                    Images.resizeLongSide(Images.decode(contents.resolve(content)), 36)));
            assertThat(Arrays.stream(expected).distinct().count()).as("colours of " + output).isGreaterThan(100);
            try {
                assertThat(TestImages.pixels(out.resolve(output))).as(output).isEqualTo(expected);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        List<String> lines = Files.readAllLines(report);
        assertThat(lines.get(0)).isEqualTo("content,output,status,seconds,error,note,executor,attempt");
        List<Map<String, String>> rows = ReportRows.read(report);
        assertThat(rows).hasSize(3).allSatisfy(row -> {
            assertThat(row.get("status")).isEqualTo("done");
            assertThat(Double.parseDouble(row.get("seconds"))).isPositive();
            assertThat(row.get("output")).endsWith(".png");
        });
        assertThat(Files.readString(out.resolve("c.png.properties"))).contains("settings=--size=36 --model=")
                .doesNotContain("style");
        Map<String, FileTime> times = modificationTimes(out);

        SparkRun second = SparkRun.on("local[2]", job);

        assertThat(second.exitCode()).as(second.out() + second.err()).isZero();
        assertThat(second.out()).contains("3 items: 0 done, 3 skipped, 0 failed");
        assertThat(ReportRows.read(report)).allSatisfy(row -> assertThat(row.get("status")).isEqualTo("skipped"));
        assertThat(modificationTimes(out)).isEqualTo(times);
    }

    @Test
    void manifestRowsSetTheirSizeABadContentFailsAloneAndAnotherModelRendersAgain() throws IOException {
        TestImages.write(dir.resolve("a.png"), 40, 32, 1);
        Path glass = translucent(dir.resolve("glass.png"));
        Files.write(dir.resolve("broken.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2});
        Path manifest = dir.resolve("items.csv");
        Files.writeString(manifest, "content,output,size\na.png,out/a.png,\na.png,out/a_large.png,48\n"
                + "broken.png,out/broken.png,\nglass.png,out/glass.png,\n");
        Path model = TestModels.write(dir.resolve("m.nstm"), 5);
        Path report = dir.resolve("report.csv");
        String[] job = {"--model", model.toString(), "--manifest", manifest.toString(), "--report", report.toString()};

        SparkRun first = SparkRun.on("local[2]", job);

        assertThat(first.exitCode()).as(first.out() + first.err()).isEqualTo(1);
        assertThat(first.out()).contains("4 items: 3 done, 0 skipped, 1 failed").contains("failed: broken.png: ");
        // Without --size, the content's own size; transparency over white, as nst apply reads it.
        assertThat(width(dir.resolve("out/a.png"))).isEqualTo(40);
        assertThat(width(dir.resolve("out/a_large.png"))).isEqualTo(48);
        BufferedImage written = ImageIO.read(dir.resolve("out/glass.png").toFile());
        assertThat(written.getColorModel().hasAlpha()).isFalse();
        assertThat(TestImages.pixels(written))
                .isEqualTo(TestImages.pixels(FastStyleModel.load(model).stylize(Images.read(glass))));
        Map<String, Map<String, String>> rows = byOutput(ReportRows.read(report));
        assertThat(rows.get("broken.png")).containsEntry("status", "failed");
        assertThat(rows.get("broken.png").get("error")).contains("broken.png").doesNotContain("\n");
        int[] before = TestImages.pixels(dir.resolve("out/a.png"));

        TestModels.write(model, 6);
        SparkRun second = SparkRun.on("local[2]", job);

        assertThat(second.out()).as(second.out() + second.err()).contains("4 items: 3 done, 0 skipped, 1 failed")
                .contains("rendered again: 3 outputs made with other settings or inputs");
        assertThat(TestImages.pixels(dir.resolve("out/a.png"))).isNotEqualTo(before);
        assertThat(byOutput(ReportRows.read(report)).get("a.png").get("note"))
                .contains("made with other settings or inputs");
    }

    @Test
    void styleTransferOptionsWithAModelAreUsageErrorsNamingTheConflict() {
        String[] inputs = {"--model", "m.nstm", "--content-dir", "c", "--output-dir", "o"};

        assertUsageError(with(inputs, "--style-dir", "s"), "--model and --style-dir do not go together: the model is"
                + " the style");
        assertUsageError(with(inputs, "--iterations", "5"), "--model and --iterations do not go together");
        assertUsageError(with(inputs, "--weights", "random"), "--model and --weights do not go together");
        assertUsageError(with(inputs, "--low-memory"), "--model and --low-memory do not go together");
        assertUsageError(with(inputs, "--size", "4"), "--size: 4 px is too small; give at least 8");
        assertUsageError(new String[] {"--model", "m.nstm", "--content-dir", "c"},
                "With --model, give --manifest, or both --content-dir and --output-dir");
    }

    @Test
    void aMissingOrDamagedModelIsOneLineAndExitCode2BeforeAnyWork() throws IOException {
        TestImages.write(dir.resolve("contents/c.png"), 32, 32, 1);
        Path missing = dir.resolve("missing.nstm");
        Path notAModel = Files.writeString(dir.resolve("notes.nstm"), "not a model");
        byte[] bytes = Files.readAllBytes(TestModels.write(dir.resolve("m.nstm"), 5));
        Path truncated = Files.write(dir.resolve("truncated.nstm"), Arrays.copyOf(bytes, bytes.length / 2));

        for (Path model : List.of(missing, notAModel, truncated)) {
            SparkRun run = SparkRun.on("local[1]", "--model", model.toString(), "--content-dir",
                    dir.resolve("contents").toString(), "--output-dir", dir.resolve("out").toString());

            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(2);
            assertThat(run.err()).startsWith("nst-spark: error: ").contains(model.toString())
                    .doesNotContain("nst-model").hasLineCount(1);
        }
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aManifestForStyleTransfersOrAnOutputOverAnInputIsRefusedBeforeAnyWork() throws IOException {
        Path photo = TestImages.write(dir.resolve("contents/c.png"), 32, 32, 1);
        byte[] before = Files.readAllBytes(photo);
        Path model = TestModels.write(dir.resolve("m.nstm"), 5);
        Path withStyle = Files.writeString(dir.resolve("styles.csv"), "content,style,output\ncontents/c.png,s.png,"
                + "out/c.png\n");
        Path withIterations = Files.writeString(dir.resolve("iterations.csv"), "content,output,iterations\n"
                + "contents/c.png,out/c.png,100\n");

        SparkRun style = SparkRun.on("local[1]", "--model", model.toString(), "--manifest", withStyle.toString());
        SparkRun iterations = SparkRun.on("local[1]", "--model", model.toString(), "--manifest",
                withIterations.toString());
        SparkRun overInput = SparkRun.on("local[1]", "--model", model.toString(), "--content-dir",
                dir.resolve("contents").toString(), "--output-dir", dir.resolve("contents").toString());

        assertThat(style.exitCode()).isEqualTo(2);
        assertThat(style.err()).contains("has a 'style' column, but with --model the model is the style");
        assertThat(iterations.exitCode()).isEqualTo(2);
        assertThat(iterations.err()).contains("has the column 'iterations', which does not apply with --model");
        assertThat(overInput.exitCode()).isEqualTo(2);
        assertThat(overInput.err()).contains("c.png would write over ").contains("an input of the job");
        assertThat(dir.resolve("out")).doesNotExist();
        assertThat(Files.readAllBytes(photo)).isEqualTo(before);
    }

    private static void assertUsageError(String[] args, String message) {
        SparkRun run = SparkRun.of(args);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).as(String.join(" ", args)).startsWith("nst-spark: error: " + message);
    }

    private static String[] with(String[] args, String... more) {
        return Stream.concat(Arrays.stream(args), Arrays.stream(more)).toArray(String[]::new);
    }

    private static Map<String, Map<String, String>> byOutput(List<Map<String, String>> rows) {
        Map<String, Map<String, String>> byOutput = new HashMap<>();
        rows.forEach(row -> byOutput.put(Path.of(row.get("output")).getFileName().toString(), row));
        return byOutput;
    }

    private static List<String> images(Path out) throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> !name.endsWith(".properties"))
                    .toList();
        }
    }

    private static Map<String, FileTime> modificationTimes(Path out) throws IOException {
        Map<String, FileTime> times = new HashMap<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path file : files.toList()) {
                times.put(file.getFileName().toString(), Files.getLastModifiedTime(file));
            }
        }
        return times;
    }

    /** A 36 px PNG whose alpha runs from clear at the left to opaque at the right. */
    private static Path translucent(Path file) throws IOException {
        BufferedImage image = new BufferedImage(36, 36, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 36; y++) {
            for (int x = 0; x < 36; x++) {
                image.setRGB(x, y, (x * 7 << 24) | (y * 7 << 16) | (x * 3 << 8) | 0x40);
            }
        }
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    private static int width(Path image) throws IOException {
        return ImageIO.read(image.toFile()).getWidth();
    }
}
