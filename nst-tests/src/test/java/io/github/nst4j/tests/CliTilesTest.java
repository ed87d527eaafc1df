package io.github.nst4j.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.nst4j.examples.SampleImages;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --tile and --max-memory as a user runs them: the plan, the progress line, the record, and bad values. */
class CliTilesTest {
    @TempDir
    Path dir;

    @Test
    void tiledRunReportsItsTilesInProgressAndRecord() throws IOException {
        Path output = dir.resolve("tiled.png");
        CliRun run = CliRun.of("--content", SampleImages.content("chelsea.png").toString(),
                "--style", SampleImages.style("the_scream.jpg").toString(), "--output", output.toString(),
                "--size", "256", "--iterations", "2", "--tile", "240", "--weights", "random",
                "--content-layers", "block3_conv2", "--style-layers", "block1_conv1,block2_conv1,block3_conv1");

        assertThat(run.exitCode()).as(run.err()).isZero();
        // Two tiles in the first pass, three in the shifted second: five evaluations of one step each.
        assertThat(run.out()).contains("2 iterations in 5 tiles of up to 240 px over 2 passes (5 steps in all)");
        assertThat(run.err()).contains("pass 2/2 tile 3/3");
        // Before the work: the forecast, then the style's statistics window by window.
        assertThat(run.out()).containsPattern("Estimated time: about \\d+ min here \\(a step at \\d+x\\d+ px takes");
        assertThat(run.err()).containsPattern("style statistics: window 1/\\d+").contains("whole-image loss: window");
        assertThat(ImageIO.read(output.toFile()).getWidth()).isEqualTo(256);

        JsonNode tiles = new ObjectMapper().readTree(dir.resolve("tiled.png.json").toFile()).path("result")
                .path("tiles");
        assertThat(tiles).hasSize(5);
        JsonNode second = tiles.get(1);
        assertThat(second.path("pass").asInt()).isEqualTo(1);
        assertThat(second.path("tile").asInt()).isEqualTo(2);
        assertThat(second.path("owned").path("x").asInt()).isEqualTo(128);
        assertThat(second.path("window").path("x").asInt()).isLessThan(128);
        assertThat(second.path("first").path("total").asDouble()).isPositive();
        assertThat(second.path("last").path("total").asDouble()).isPositive();
    }

    /** --estimate prints the plan and its time on this machine, and writes nothing. */
    @Test
    void estimatePrintsThePlanAndItsTimeWithoutRunning() {
        Path output = dir.resolve("estimated.png");
        CliRun run = CliRun.of("--content", SampleImages.content("chelsea.png").toString(),
                "--style", SampleImages.style("the_scream.jpg").toString(), "--output", output.toString(),
                "--size", "700", "--max-memory", "1600m", "--estimate", "--weights", "random");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("tiles of up to").containsPattern("Estimated time: about .+ here");
        assertThat(run.err()).doesNotContain("iteration 1/");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void badMemoryAndTileValuesNameTheirOption() {
        CliRun badSize = CliRun.of("--content", SampleImages.content("chelsea.png").toString(),
                "--style", SampleImages.style("the_scream.jpg").toString(), "--output", dir.resolve("a.png").toString(),
                "--max-memory", "4x", "--weights", "random");
        assertThat(badSize.exitCode()).isEqualTo(2);
        assertThat(badSize.err()).contains("--max-memory").contains("'4x' is not a memory size; give e.g. 4g or 1500m");

        CliRun smallTile = CliRun.of("--content", SampleImages.content("chelsea.png").toString(),
                "--style", SampleImages.style("the_scream.jpg").toString(), "--output", dir.resolve("b.png").toString(),
                "--tile", "100", "--weights", "random");
        assertThat(smallTile.exitCode()).isEqualTo(2);
        assertThat(smallTile.err()).contains("--tile").contains("at least 392 px");
        assertThat(dir.resolve("b.png")).doesNotExist();
    }
}
