package io.github.nst4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nst4j.Defaults;
import org.junit.jupiter.api.Test;

/** The command line, checked before Spark starts. */
class NstSparkCommandTest {
    @Test
    void helpListsTheJobsOptionsAndNstsTransferOptionsWithTheirDefaults() {
        SparkRun help = SparkRun.of("--help");

        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--manifest=URI", "--content-dir=URI", "--report=URI", "--weights=zoo|random|URI")
                .contains("--style-weight=W").contains("Default: " + Defaults.STYLE_WEIGHT)
                .contains("--size=N").contains("Default: " + Defaults.SIZE)
                .doesNotContain("--fail-first-attempt");
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
