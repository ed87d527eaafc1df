package io.github.nst4j.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.nst4j.examples.SampleImages;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --weights untrained} runs with no file, says which weights ran in its header and record, and
 * records the defaults it chose for them; options given on the command line still win.
 */
class UntrainedCliTest {
    @TempDir
    Path dir;

    @Test
    void runsWithoutAFileAndRecordsTheWeightsAndTheirDefaults() throws IOException {
        CliRun run = CliRun.of("--content", SampleImages.content("tubingen.jpg").toString(),
                "--style", SampleImages.style("starry_night.jpg").toString(), "--output", dir.resolve("out.png").toString(),
                "--size", "64", "--iterations", "2", "--weights", "untrained", "--seed", "7");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("weights: untrained (seed 7)");
        JsonNode record = new ObjectMapper().readTree(dir.resolve("out.png.json").toFile());
        assertThat(record.path("weights").asText()).startsWith("untrained (seed 7)");
        JsonNode settings = record.path("settings");
        assertThat(settings.path("--content-weight").asDouble()).isEqualTo(100);
        assertThat(settings.path("--content-layers").get(0).asText()).isEqualTo("block3_conv2");
        assertThat(settings.path("--tv-weight").asDouble()).isZero();
        assertThat(settings.path("--normalize-gradients").asBoolean()).isTrue();
    }

    @Test
    void givenOptionsOverrideTheWeightsDefaults() throws IOException {
        CliRun run = CliRun.of("--style", SampleImages.style("starry_night.jpg").toString(),
                "--output", dir.resolve("tex.png").toString(), "--size", "64", "--iterations", "2",
                "--weights", "untrained", "--tv-weight", "0.01", "--no-normalize-gradients");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode settings = new ObjectMapper().readTree(dir.resolve("tex.png.json").toFile()).path("settings");
        assertThat(settings.path("--tv-weight").asDouble()).isEqualTo(0.01);
        assertThat(settings.path("--normalize-gradients").asBoolean()).isFalse();
    }
}
