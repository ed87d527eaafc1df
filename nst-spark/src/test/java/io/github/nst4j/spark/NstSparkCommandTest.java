package io.github.nst4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nst4j.Defaults;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line, checked before Spark starts. */
class NstSparkCommandTest {
    @Test
    void helpListsTheJobsOptionsAndNstsTransferOptionsWithTheirDefaults() {
        Result help = run("--help");

        assertThat(help.code()).isZero();
        assertThat(help.out()).contains("--manifest=URI", "--content-dir=URI", "--report=URI", "--weights=zoo|random|URI")
                .contains("--style-weight=W").contains("Default: " + Defaults.STYLE_WEIGHT)
                .contains("--size=N").contains("Default: " + Defaults.SIZE)
                .doesNotContain("--fail-first-attempt");
    }

    @Test
    void aManifestAndDirectoriesTogetherAreAUsageError() {
        Result result = run("--manifest", "m.csv", "--content-dir", "c", "--style-dir", "s", "--output-dir", "o");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("either --manifest or --content-dir");
    }

    @Test
    void missingInputsAreAUsageError() {
        Result result = run("--content-dir", "c", "--style-dir", "s");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("Give --manifest, or all of --content-dir, --style-dir and --output-dir");
    }

    @Test
    void aReportOfAnotherFormatIsAUsageError() {
        Result result = run("--manifest", "m.csv", "--report", "report.txt");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("Unknown --report format: report.txt (name it .csv or .parquet)");
    }

    @Test
    void aBadTransferOptionIsTheCliChecksUsageError() {
        Result result = run("--manifest", "m.csv", "--start-size", "64", "--scales", "3");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("Give either --scales or --start-size, not both");
    }

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        CommandLine commandLine = NstSparkMain.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
