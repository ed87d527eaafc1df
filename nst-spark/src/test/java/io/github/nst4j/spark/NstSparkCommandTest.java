package io.github.nst4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nst4j.Defaults;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The command line, checked before Spark starts. */
class NstSparkCommandTest {
    @Test
    void helpListsTheJobsOptionsAndNstsTransferOptionsWithTheirDefaults() {
        SparkRun help = SparkRun.of("--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--manifest=URI", "--content-dir=URI", "--report=URI", "--weights=NAME|URI")
                .contains("--model=URI", "A fast style model (made by nst train)")
                .contains("--style-weight=W").contains("Default: " + Defaults.STYLE_WEIGHT)
                .contains("--size=N").contains("Default: " + Defaults.SIZE)
                .doesNotContain("--fail-first-attempt");
    }

    /**
     * picocli reads descriptions as format strings and warns on standard error, beside the help, for
     * one it cannot format (a bare {@code %}); its warnings go to the stream the JVM started with, so
     * the help is printed by a JVM of its own.
     */
    @Test
    void helpPrintsNoFormatWarnings() throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, NstSparkMain.class.getName(), "--help").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor()).as(output).isZero();
        assertThat(output).contains("Usage: nst-spark").doesNotContain("[picocli WARN]")
                // The example is not wrapped in the middle of a URI.
                .contains("      --output-dir hdfs:///styled --report hdfs:///styled/report.csv \\\n");
    }

    @Test
    void aManifestAndDirectoriesTogetherAreAUsageError() {
        SparkRun result = SparkRun.of("--manifest", "m.csv", "--content-dir", "c", "--style-dir", "s", "--output-dir", "o");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("either --manifest or --content-dir");
    }

    @Test
    void missingInputsAreAUsageError() {
        SparkRun result = SparkRun.of("--content-dir", "c", "--style-dir", "s");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Give --manifest, or all of --content-dir, --style-dir and --output-dir");
    }

    @Test
    void aReportOfAnotherFormatIsAUsageError() {
        SparkRun result = SparkRun.of("--manifest", "m.csv", "--report", "report.txt");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Unknown --report format: report.txt (name it .csv or .parquet)");
    }

    @Test
    void aBadTransferOptionIsTheCliChecksUsageError() {
        SparkRun result = SparkRun.of("--manifest", "m.csv", "--start-size", "64", "--scales", "3");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Give either --scales or --start-size, not both");
    }
}
