package io.github.nst4j.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.nst4j.examples.SampleImages;
import io.github.nst4j.image.ColorStatistics;
import io.github.nst4j.image.Images;
import io.github.nst4j.image.Luminance;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Colour preservation, the paper's modes and L-BFGS through the {@code nst} command, on small real images. */
class ColorAndModeCliTest {
    private static final Path CONTENT = SampleImages.content("chelsea.png");
    private static final Path STYLE = SampleImages.style("starry_night.jpg");

    @TempDir
    Path dir;

    /**
     * The output's I and Q (YIQ chroma) are the content's. Where no RGB channel was clipped to 0 or
     * 255 the only error is rounding to 8 bits: at most 0.5 per channel, so at most
     * 0.5·(0.596 + 0.274 + 0.321) ≈ 0.6 in I and 0.5·(0.211 + 0.523 + 0.311) ≈ 0.53 in Q.
     */
    @Test
    void luminanceModeKeepsTheContentsChroma() throws IOException {
        Path output = dir.resolve("luminance.png");
        CliRun run = CliRun.of("--content", CONTENT.toString(), "--style", STYLE.toString(), "--output",
                output.toString(), "--size", "64", "--iterations", "8", "--weights", "random",
                "--preserve-colors", "luminance");
        assertThat(run.exitCode()).as(run.err()).isZero();

        BufferedImage result = ImageIO.read(output.toFile());
        BufferedImage content = Images.resize(Images.read(CONTENT), result.getWidth(), result.getHeight());
        double maxChromaDiff = 0;
        int compared = 0;
        int total = result.getWidth() * result.getHeight();
        for (int y = 0; y < result.getHeight(); y++) {
            for (int x = 0; x < result.getWidth(); x++) {
                int pixel = result.getRGB(x, y);
                if (clipped(pixel)) {
                    continue;
                }
                double[] out = Luminance.yiq(pixel);
                double[] in = Luminance.yiq(content.getRGB(x, y));
                maxChromaDiff = Math.max(maxChromaDiff, Math.max(Math.abs(out[1] - in[1]), Math.abs(out[2] - in[2])));
                compared++;
            }
        }
        System.out.printf("luminance mode: max |dI|,|dQ| %.3f over %d of %d unclipped pixels%n", maxChromaDiff,
                compared, total);
        assertThat(compared).isGreaterThan(total / 2);
        assertThat(maxChromaDiff).isLessThanOrEqualTo(0.61);
        // The luminance did change: this is a transfer, not a copy of the content.
        assertThat(FeatureOptionsTest.pixels(result)).isNotEqualTo(FeatureOptionsTest.pixels(content));
    }

    /**
     * The recoloured style has the content's colour mean and covariance. Rounding to 8 bits and
     * clipping to 0-255 make it inexact: means within 2 levels, covariance entries within 5% of
     * the content's largest variance.
     */
    @Test
    void histogramMatchingGivesTheStyleTheContentsColourMeanAndCovariance() {
        // Colour paintings: a gray style (R = G = B) has no colour covariance for any affine map to shape.
        for (String style : new String[] {"starry_night.jpg", "the_scream.jpg", "woman-with-hat-matisse.jpg"}) {
            BufferedImage content = Images.resizeLongSide(Images.read(CONTENT), 128);
            BufferedImage recoloured = ColorStatistics.matchColors(
                    Images.resizeLongSide(Images.read(SampleImages.style(style)), 128), content);
            ColorStatistics want = ColorStatistics.of(content);
            ColorStatistics got = ColorStatistics.of(recoloured);
            double largestVariance = Math.max(want.covariance()[0][0],
                    Math.max(want.covariance()[1][1], want.covariance()[2][2]));
            for (int a = 0; a < 3; a++) {
                assertThat(Math.abs(got.mean()[a] - want.mean()[a])).as(style + " mean " + a).isLessThan(2);
                for (int b = 0; b < 3; b++) {
                    System.out.printf("%s cov[%d][%d] %.1f want %.1f%n", style, a, b, got.covariance()[a][b],
                            want.covariance()[a][b]);
                    assertThat(Math.abs(got.covariance()[a][b] - want.covariance()[a][b]) / largestVariance)
                            .as(style + " covariance " + a + "," + b).isLessThan(0.05);
                }
            }
        }
    }

    @Test
    void histogramModeRunsAndRecordsTheSetting() throws IOException {
        Path output = dir.resolve("histogram.png");
        CliRun run = CliRun.of("--content", CONTENT.toString(), "--style", STYLE.toString(), "--output",
                output.toString(), "--size", "48", "--iterations", "2", "--weights", "random",
                "--preserve-colors", "histogram");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(record(output).path("settings").path("--preserve-colors").asText()).isEqualTo("histogram");
    }

    @Test
    void textureModeHasNoContentTermAndTakesItsSizeFromTheOptions() throws IOException {
        Path output = dir.resolve("texture.png");
        CliRun run = CliRun.of("--mode", "texture", "--style", STYLE.toString(), "--output", output.toString(),
                "--width", "80", "--height", "48", "--iterations", "4", "--weights", "random");
        assertThat(run.exitCode()).as(run.err()).isZero();
        BufferedImage result = ImageIO.read(output.toFile());
        assertThat(result.getWidth()).isEqualTo(80);
        assertThat(result.getHeight()).isEqualTo(48);
        for (JsonNode step : record(output).path("iterations")) {
            assertThat(step.has("content")).as("a texture has no content term").isFalse();
            assertThat(step.path("style").asDouble()).isPositive();
        }

        CliRun withContent = CliRun.of("--mode", "texture", "--content", CONTENT.toString(), "--style",
                STYLE.toString(), "--output", dir.resolve("x.png").toString(), "--weights", "random");
        assertThat(withContent.exitCode()).isEqualTo(2);
        assertThat(withContent.err()).contains("--content: Texture mode uses no content image");
    }

    @Test
    void contentModeReconstructsFromOneLayerWithoutAStyle() throws IOException {
        Path output = dir.resolve("reconstruction.png");
        CliRun run = CliRun.of("--mode", "content", "--content", CONTENT.toString(), "--content-layer",
                "block2_conv2", "--output", output.toString(), "--size", "48", "--iterations", "10",
                "--weights", "random");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Reconstructing").contains("block2_conv2");
        JsonNode steps = record(output).path("iterations");
        assertThat(steps).hasSize(10);
        for (JsonNode step : steps) {
            assertThat(step.path("style").asDouble()).isZero();
        }
        assertThat(steps.get(9).path("content").asDouble()).isLessThan(steps.get(0).path("content").asDouble());
    }

    @Test
    void lbfgsRunsFromTheCommandLineAndLowersTheLoss() throws IOException {
        Path output = dir.resolve("lbfgs.png");
        CliRun run = CliRun.of("--content", CONTENT.toString(), "--style", STYLE.toString(), "--output",
                output.toString(), "--size", "48", "--iterations", "10", "--optimizer", "lbfgs",
                "--lbfgs-memory", "5", "--weights", "random");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode steps = record(output).path("iterations");
        assertThat(steps).hasSize(10);
        double best = 0;
        for (JsonNode step : steps) {
            best = best == 0 ? step.path("total").asDouble() : Math.min(best, step.path("total").asDouble());
        }
        assertThat(best).isLessThan(steps.get(0).path("total").asDouble());
    }

    @Test
    void styleBlendMakesOneOutputFromSeveralStyles() throws IOException {
        Path output = dir.resolve("blend.png");
        CliRun run = CliRun.of("--content", CONTENT.toString(), "--style",
                STYLE + "," + SampleImages.style("the_scream.jpg"), "--style-blend", "0.7,0.3",
                "--output", output.toString(), "--size", "48", "--iterations", "2", "--weights", "random");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(output).exists();
        assertThat(run.out()).contains("starry_night.jpg + ");

        CliRun mismatched = CliRun.of("--content", CONTENT.toString(), "--style",
                STYLE + "," + SampleImages.style("the_scream.jpg"), "--style-blend", "0.7",
                "--output", output.toString(), "--weights", "random");
        assertThat(mismatched.exitCode()).isEqualTo(2);
        assertThat(mismatched.err()).contains("--style-blend: Give one blend weight per style image");
    }

    private static boolean clipped(int pixel) {
        for (int shift = 0; shift <= 16; shift += 8) {
            int value = (pixel >> shift) & 0xFF;
            if (value == 0 || value == 255) {
                return true;
            }
        }
        return false;
    }

    private JsonNode record(Path output) throws IOException {
        return new ObjectMapper().readTree(output.resolveSibling(output.getFileName() + ".json").toFile());
    }
}
