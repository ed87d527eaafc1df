package io.github.nst4j.cli.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nst4j.cli.NstMain;
import io.github.nst4j.image.Images;
import io.github.nst4j.stats.StyleStatistics;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code nst stats}: a row per image with the library's distances, and one-line errors for bad paths. */
class StatsCommandTest {
    @TempDir
    Path dir;

    @Test
    void printsEachImagesDistancesAsTheLibraryComputesThem() throws IOException {
        Path style = write("style.png", noise(80, 60, 1));
        Path flat = write("flat.png", flat(64, 48));
        Run run = run("stats", "--style", style.toString(), style.toString(), flat.toString());

        assertThat(run.code).as(run.err).isZero();
        String[] lines = run.out.strip().split("\\R");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).contains("colour", "spectrum", "gradients", "style.png");
        assertThat(lines[1]).matches("\\s+0\\.00\\s+0\\.000\\s+0\\.00\\s+.*style\\.png");
        var expected = StyleStatistics.distance(Images.read(style), Images.read(flat));
        assertThat(lines[2]).contains(String.format(Locale.ROOT, "%.2f", expected.colour()),
                String.format(Locale.ROOT, "%.3f", expected.spectrum()), "flat.png");
    }

    @Test
    void jsonGivesOneObjectPerImage() throws IOException {
        Path style = write("style.png", noise(80, 60, 1));
        Run run = run("stats", "--json", "--style", style.toString(), style.toString());
        assertThat(run.code).as(run.err).isZero();
        assertThat(run.out.strip()).startsWith("[{\"image\": ").contains("\"colour\": 0.0000", "\"spectrum\": 0.00000")
                .endsWith("}]");
    }

    @Test
    void aMissingImageIsOneLineAndExitCode2() throws IOException {
        Path style = write("style.png", noise(80, 60, 1));
        Run run = run("stats", "--style", style.toString(), dir.resolve("nope.png").toString());
        assertThat(run.code).isEqualTo(2);
        assertThat(run.err).contains("IMAGE: " + dir.resolve("nope.png") + " not found; check the path");
        assertThat(run.out).isEmpty();

        Run directory = run("stats", "--style", dir.toString(), style.toString());
        assertThat(directory.code).isEqualTo(2);
        assertThat(directory.err).contains("--style names a directory");
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine commandLine = NstMain.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int code = commandLine.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private Path write(String name, BufferedImage image) throws IOException {
        Path file = dir.resolve(name);
        ImageIO.write(image, "png", file.toFile());
        assertThat(Files.size(file)).isPositive();
        return file;
    }

    private static BufferedImage noise(int width, int height, long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        return image;
    }

    private static BufferedImage flat(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, 0x4060a0);
            }
        }
        return image;
    }
}
