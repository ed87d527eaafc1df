package io.github.nst4j.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nst4j.examples.SampleImages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code nst} command on the sample images of {@code nst-examples/images/}, with random weights (the
 * pretrained ones cannot be downloaded in CI) at 64-96 px.
 */
class EndToEndCliTest {
    private static final Pattern LOSS_LINE = Pattern.compile("iteration (\\d+)/\\d+\\s+loss (\\S+)");

    @TempDir
    Path dir;

    @Test
    void lossFallsAndTheOutputKeepsTheContentAspectRatio() throws IOException {
        Path content = SampleImages.content("tubingen.jpg");
        Path output = dir.resolve("tubingen_starry.png");

        CliRun run = CliRun.of("--content", content.toString(),
                "--style", SampleImages.style("starry_night.jpg").toString(),
                "--output", output.toString(), "--size", "96", "--iterations", "20", "--weights", "random");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<double[]> losses = losses(run.err());
        assertThat(losses).as("progress lines in %s", run.err()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(losses.get(0)[0]).isEqualTo(1);
        assertThat(losses.get(losses.size() - 1)[0]).isEqualTo(20);
        assertThat(losses.get(losses.size() - 1)[1]).isLessThan(losses.get(0)[1]);

        BufferedImage original = ImageIO.read(content.toFile());
        BufferedImage result = ImageIO.read(output.toFile());
        assertThat(Math.max(result.getWidth(), result.getHeight())).isEqualTo(96);
        double originalAspect = (double) original.getWidth() / original.getHeight();
        double resultAspect = (double) result.getWidth() / result.getHeight();
        // Rounding the short side to whole pixels moves the ratio by at most half a pixel.
        assertThat(resultAspect).isCloseTo(originalAspect,
                org.assertj.core.data.Offset.offset(originalAspect * 0.5 / Math.min(result.getWidth(),
                        result.getHeight())));
    }

    @Test
    void sameSeedGivesTheSamePixelsAndAnotherSeedDoesNot() throws IOException {
        BufferedImage first = noiseRun("a.png", "7");
        BufferedImage second = noiseRun("b.png", "7");
        BufferedImage otherSeed = noiseRun("c.png", "8");

        assertThat(pixels(second)).isEqualTo(pixels(first));
        assertThat(pixels(otherSeed)).isNotEqualTo(pixels(first));
    }

    private BufferedImage noiseRun(String name, String seed) throws IOException {
        Path output = dir.resolve(name);
        CliRun run = CliRun.of("--content", SampleImages.content("chelsea.png").toString(),
                "--style", SampleImages.style("brick.png").toString(), "--output", output.toString(),
                "--size", "64", "--iterations", "6", "--init", "noise", "--seed", seed, "--weights", "random");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return ImageIO.read(output.toFile());
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    /** (iteration, total loss) from the plain progress lines the command prints without a terminal. */
    private static List<double[]> losses(String log) {
        Matcher m = LOSS_LINE.matcher(log);
        List<double[]> result = new java.util.ArrayList<>();
        while (m.find()) {
            result.add(new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))});
        }
        return result;
    }
}
