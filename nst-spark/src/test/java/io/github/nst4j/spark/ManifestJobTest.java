package io.github.nst4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Work items from a manifest, with per-row settings, and a Parquet report. */
class ManifestJobTest {
    @TempDir
    Path dir;

    @Test
    void jsonLinesRowsOverrideTheCommonSettingsByOptionName() throws IOException {
        TestImages.write(dir.resolve("a.png"), 40, 32, 1);
        TestImages.write(dir.resolve("s.png"), 32, 32, 2);
        Path manifest = dir.resolve("items.jsonl");
        Files.writeString(manifest, String.join("\n",
                "{\"content\": \"a.png\", \"style\": \"s.png\", \"output\": \"out/plain.png\"}",
                "{\"content\": \"a.png\", \"style\": \"s.png\", \"output\": \"out/larger.png\", \"size\": 48,"
                        + " \"--style-weight\": 1000}",
                "{\"style\": \"s.png\", \"output\": \"out/texture.png\", \"low-memory\": true}"));
        Path report = dir.resolve("report.parquet");

        SparkRun run = SparkRun.on("local[2]", "--manifest", manifest.toString(), "--report", report.toString(),
                "--size", "40", "--iterations", "2", "--weights", "random");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(width(dir.resolve("out/plain.png"))).isEqualTo(40);
        assertThat(width(dir.resolve("out/larger.png"))).isEqualTo(48);
        assertThat(width(dir.resolve("out/texture.png"))).isEqualTo(40);
        Map<String, Row> rows = parquetRows(report);
        assertThat(rows).containsOnlyKeys("plain.png", "larger.png", "texture.png");
        assertThat(rows.values()).allSatisfy(row -> assertThat(row.<String>getAs("status")).isEqualTo("done"));
        assertThat(rows.get("texture.png").<String>getAs("content")).isNull();
        // Ten times the style weight: a larger weighted style loss for the same pair.
        assertThat(rows.get("larger.png").<Double>getAs("style_loss"))
                .isGreaterThan(rows.get("plain.png").<Double>getAs("style_loss"));
    }

    @Test
    void aRowWithAnUnknownSettingIsRefusedBeforeAnyWork() throws IOException {
        Path manifest = dir.resolve("items.csv");
        Files.writeString(manifest, "content,style,output,sise\na.png,s.png,out/a.png,64\n");

        SparkRun run = SparkRun.on("local[1]", "--manifest", manifest.toString(), "--weights", "random");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Row 1 of the --manifest").contains("--sise");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void rowsThatShareAnOutputAreRefusedBeforeAnyWorkHoweverTheyWriteIt() throws IOException {
        TestImages.write(dir.resolve("a.png"), 32, 32, 1);
        TestImages.write(dir.resolve("s.png"), 32, 32, 2);
        Path manifest = dir.resolve("items.csv");
        // The same file twice: relative to the manifest, and as a URI.
        Files.writeString(manifest, "content,style,output\na.png,s.png,out/x.png\na.png,s.png,"
                + dir.resolve("out/x.png").toUri() + "\n");

        // Small, in case the rows are not refused.
        SparkRun run = SparkRun.on("local[1]", "--manifest", manifest.toString(), "--weights", "random",
                "--size", "32", "--iterations", "1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("In the --manifest " + manifest + ", row 1 and row 2 would both write")
                .contains("give each its own output");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aRowThatWouldWriteOverAnInputIsRefusedBeforeAnyWork() throws IOException {
        Path photo = TestImages.write(dir.resolve("a.png"), 32, 32, 1);
        TestImages.write(dir.resolve("s.png"), 32, 32, 2);
        byte[] before = Files.readAllBytes(photo);
        Path manifest = dir.resolve("items.csv");
        Files.writeString(manifest, "content,style,output\na.png,s.png,out/a.png\ns.png,s.png,a.png\n");

        SparkRun run = SparkRun.on("local[1]", "--manifest", manifest.toString(), "--weights", "random",
                "--size", "32", "--iterations", "1");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("In the --manifest " + manifest + ", row 2 would write over ")
                .contains("a.png, an input of the job; give it another output");
        assertThat(Files.readAllBytes(photo)).isEqualTo(before);
    }

    @Test
    void aMissingManifestIsOneLineNamingIt() {
        String manifest = dir.resolve("items.csv").toString();

        SparkRun run = SparkRun.on("local[1]", "--manifest", manifest, "--weights", "random");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("nst-spark: error: The --manifest " + manifest
                + " does not exist (check the path)" + System.lineSeparator());
    }

    @Test
    void aMissingWeightsFileIsRefusedBeforeAnyWork() throws IOException {
        Path manifest = dir.resolve("items.csv");
        Files.writeString(manifest, "content,style,output\na.png,s.png,out/a.png\n");
        String weights = dir.resolve("models/vgg19.npz").toUri().toString();

        SparkRun run = SparkRun.on("local[1]", "--manifest", manifest.toString(), "--weights", weights);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("The --weights file " + weights + " does not exist");
    }

    private static int width(Path image) throws IOException {
        BufferedImage read = ImageIO.read(image.toFile());
        return read.getWidth();
    }

    private static Map<String, Row> parquetRows(Path report) {
        SparkSession spark = SparkSession.builder().master("local[1]").config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
        try {
            List<Row> rows = spark.read().parquet(report.toString()).collectAsList();
            Map<String, Row> byOutput = new HashMap<>();
            rows.forEach(row -> byOutput.put(Path.of(row.<String>getAs("output")).getFileName().toString(), row));
            return byOutput;
        } finally {
            spark.stop();
        }
    }
}
