package io.github.nst4j.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.nst4j.examples.SampleImages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.deeplearning4j.common.resources.DL4JResources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoints, run record, loss chart, animation, style extraction and JPEG output, on tiny images. */
class CliFeaturesTest {
    @TempDir
    Path dir;

    @Test
    void saveEveryWritesNumberedCheckpointsBesideTheOutput() throws IOException {
        Path output = dir.resolve("cat.png");
        CliRun run = CliRun.of("--content", SampleImages.content("chelsea.png").toString(),
                "--style", SampleImages.style("the_scream.jpg").toString(), "--output", output.toString(),
                "--size", "48", "--iterations", "4", "--save-every", "2", "--weights", "random",
                "--plot", dir.resolve("losses.png").toString(), "--animate", dir.resolve("run.gif").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(dir.resolve("cat_0002.png")).exists();
        // The last iteration is the output itself, not a checkpoint.
        assertThat(dir.resolve("cat_0004.png")).doesNotExist();
        assertThat(ImageIO.read(dir.resolve("cat_0002.png").toFile()).getWidth()).isEqualTo(48);
        // Written through a temporary file, yet readable by others as a normally created file is.
        assertThat(Files.getPosixFilePermissions(output)).contains(PosixFilePermission.OTHERS_READ);

        BufferedImage plot = ImageIO.read(dir.resolve("losses.png").toFile());
        assertThat(plot.getWidth()).isEqualTo(800);
        assertThat(plot.getHeight()).isEqualTo(500);
        assertGifLoopsWithFrames(dir.resolve("run.gif"), 3); // iterations 2 and 4, then the result

        JsonNode record = new ObjectMapper().readTree(dir.resolve("cat.png.json").toFile());
        assertThat(record.path("tool").asText()).startsWith("nst4j ");
        assertThat(record.path("settings").path("--seed").asLong()).isEqualTo(42);
        assertThat(record.path("settings").path("--content-weight").asDouble()).isEqualTo(5.0);
        assertThat(record.path("weights").asText()).contains("random");
        assertThat(record.path("backend").path("name").asText()).isNotEmpty();
        assertThat(record.path("output").path("width").asInt()).isEqualTo(48);
        assertThat(record.path("iterations")).hasSize(4);
        assertThat(record.path("iterations").get(3).path("total").asDouble()).isPositive();
        assertThat(record.path("result").path("peakResidentBytes").asLong()).isPositive();
        // Values as used: lists as arrays, paths absolute, the mode and record chosen for the run.
        JsonNode settings = record.path("settings");
        assertThat(settings.path("--style-layers").isArray()).isTrue();
        assertThat(settings.path("--style-layers").get(0).asText()).isEqualTo("block1_conv1");
        assertThat(settings.path("--content").get(0).asText()).isEqualTo(SampleImages.content("chelsea.png")
                .toAbsolutePath().normalize().toString());
        assertThat(settings.path("--mode").asText()).isEqualTo("transfer");
        assertThat(settings.path("--init").asText()).isEqualTo("content");
        assertThat(settings.path("--record").asText()).isEqualTo(dir.resolve("cat.png.json").toString());
        assertThat(record.path("result").path("bestLoss").isNumber()).isTrue();
        assertThat(run.out()).contains("Wrote " + output + ", " + dir.resolve("cat.png.json") + ", "
                + dir.resolve("losses.png") + ", " + dir.resolve("run.gif") + ", " + dir.resolve("cat_0002.png"));
    }

    private static void assertGifLoopsWithFrames(Path gif, int frames) throws IOException {
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
            reader.setInput(in);
            assertThat(reader.getNumImages(true)).isEqualTo(frames);
            IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(0)
                    .getAsTree("javax_imageio_gif_image_1.0");
            IIOMetadataNode loop = (IIOMetadataNode) root.getElementsByTagName("ApplicationExtension").item(0);
            assertThat(loop.getAttribute("applicationID")).isEqualTo("NETSCAPE");
            assertThat((byte[]) loop.getUserObject()).containsExactly(1, 0, 0); // loop forever
        } finally {
            reader.dispose();
        }
    }

    @Test
    void batchRendersEveryContentStylePairIntoTheOutputDirectory() throws IOException {
        Path contents = Files.createDirectory(dir.resolve("photos"));
        Files.copy(SampleImages.content("chelsea.png"), contents.resolve("cat.png"));
        Files.copy(SampleImages.content("coffee.png"), contents.resolve("cup.png"));
        Files.writeString(contents.resolve("notes.txt"), "not an image");
        Path outputs = Files.createDirectory(dir.resolve("out"));

        CliRun run = CliRun.of("--content", contents.toString(), "--style",
                SampleImages.style("brick.png") + "," + SampleImages.style("gravel.png"), "--output", outputs.toString(),
                "--size", "64", "--iterations", "2", "--weights", "random");

        assertThat(run.exitCode()).as(run.err()).isZero();
        for (String name : new String[] {"cat_brick", "cat_gravel", "cup_brick", "cup_gravel"}) {
            assertThat(outputs.resolve(name + ".png")).exists();
            assertThat(outputs.resolve(name + ".png.json")).exists();
        }
        try (var files = Files.list(outputs)) {
            assertThat(files.count()).isEqualTo(8);
        }
    }

    /**
     * A batch creates its output directory, skips hidden files, names each job in its progress,
     * goes on past a bad input and ends with a summary and exit code 1.
     */
    @Test
    void batchGoesOnPastABadInputAndSummarises() throws IOException {
        Path contents = Files.createDirectory(dir.resolve("photos"));
        Files.copy(SampleImages.content("chelsea.png"), contents.resolve("cat.png"));
        Files.writeString(contents.resolve("broken.png"), "not an image");
        Files.writeString(contents.resolve(".hidden.png"), "editor junk");
        Path outputs = dir.resolve("new").resolve("out");

        CliRun run = CliRun.of("--content", contents.toString(), "--style", SampleImages.style("brick.png").toString(),
                "--output", outputs.toString(), "--size", "48", "--iterations", "2", "--weights", "random");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(outputs.resolve("cat_brick.png")).exists();
        assertThat(run.err()).contains("cat.png x brick.png: iteration 2/2").doesNotContain(".hidden");
        assertThat(run.out().lines().reduce((first, second) -> second).orElseThrow())
                .startsWith("1 written, 1 failed: broken.png x brick.png (Not a supported image");
    }

    /**
     * A note, once, on the input part the run cannot use: later GIF frames. An alpha channel is used
     * instead: kept in a PNG output, and noted as dropped in a JPEG one.
     */
    @Test
    void animatedGifsAreNotedAndAlphaIsKept() throws IOException {
        Path gif = dir.resolve("moving.gif");
        List<BufferedImage> frames = List.of(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB),
                new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB));
        writeGif(frames, gif);
        Path rgba = dir.resolve("rgba.png");
        BufferedImage transparent = new BufferedImage(64, 48, BufferedImage.TYPE_INT_ARGB);
        transparent.setRGB(0, 0, 0x80FF0000);
        ImageIO.write(transparent, "png", rgba.toFile());

        CliRun run = CliRun.of("--content", rgba.toString(), "--style", gif.toString(), "--output",
                dir.resolve("o.png").toString(), "--size", "64", "--iterations", "1", "--weights", "random");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("nst: note: " + gif + " is an animated GIF; its first frame is used")
                .doesNotContain("alpha");
        assertThat(run.out()).contains("1 iteration,");
        BufferedImage output = ImageIO.read(dir.resolve("o.png").toFile());
        assertThat(output.getRGB(0, 0) >>> 24).isEqualTo(0x80);
        assertThat(output.getRGB(1, 0) >>> 24).isZero();

        CliRun jpeg = CliRun.of("--content", rgba.toString(), "--style", gif.toString(), "--output",
                dir.resolve("o.jpg").toString(), "--size", "64", "--iterations", "1", "--weights", "random");
        assertThat(jpeg.exitCode()).as(jpeg.err()).isZero();
        assertThat(jpeg.out()).contains("Note: JPEG has no alpha channel, so the content's transparency was dropped"
                + " from " + dir.resolve("o.jpg"));
    }

    private static void writeGif(List<BufferedImage> frames, Path file) throws IOException {
        javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        try (var out = ImageIO.createImageOutputStream(file.toFile())) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (BufferedImage frame : frames) {
                writer.writeToSequence(new javax.imageio.IIOImage(frame, null, null), null);
            }
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
    }

    /** --tolerance stops a stalled run early; the output and the record say where and why. */
    @Test
    void toleranceStopsAStalledRunAndTheRecordSaysWhy() throws IOException {
        Path output = dir.resolve("early.png");
        CliRun run = CliRun.of("--content", SampleImages.content("chelsea.png").toString(), "--style",
                SampleImages.style("brick.png").toString(), "--output", output.toString(), "--size", "48",
                "--iterations", "300", "--tolerance", "0.1", "--tolerance-window", "5", "--weights", "random");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode result = new ObjectMapper().readTree(dir.resolve("early.png.json").toFile()).path("result");
        int stoppedAt = result.path("earlyStops").get(0).path("iteration").asInt();
        assertThat(stoppedAt).isLessThan(300);
        assertThat(result.path("iterations").asInt()).isEqualTo(stoppedAt);
        assertThat(result.path("earlyStops").get(0).path("improvement").asDouble()).isLessThan(0.1);
        assertThat(result.path("earlyStops").get(0).path("reason").asText()).contains("tolerance");
        assertThat(run.out()).contains("Scale 1 stopped at iteration " + stoppedAt + ": the best loss improved by");
    }

    @Test
    void divergingLossNamesTheTermAndKeepsTheBestImage() {
        Path output = dir.resolve("blown.png");
        CliRun run = CliRun.of("--content", SampleImages.content("chelsea.png").toString(),
                "--style", SampleImages.style("the_scream.jpg").toString(), "--output", output.toString(),
                "--size", "48", "--iterations", "10", "--learning-rate", "1e30", "--weights", "random");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).containsPattern("nst: error: The (content|style|TV) loss became (NaN|infinite)")
                .contains("lower the learning rate");
        assertThat(output).exists();
    }

    /**
     * A weight so large that the very first loss overflows: no image was ever scored, so nothing is
     * written and no "best image before that" is claimed.
     */
    @Test
    void aLossInfiniteAtTheFirstIterationWritesNothing() {
        Path output = dir.resolve("huge.png");
        CliRun run = CliRun.of("--content", SampleImages.content("chelsea.png").toString(),
                "--style", SampleImages.style("the_scream.jpg").toString(), "--output", output.toString(),
                "--size", "48", "--iterations", "2", "--style-weight", "1e39", "--weights", "random");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("nst: error: The style loss is infinite at iteration 1, before any step")
                .contains("the style weight is too large").contains("; nothing was written")
                .doesNotContain("best image").doesNotContain("learning rate");
        assertThat(output).doesNotExist();
    }

    /**
     * Without a network every source of pretrained weights fails; the error names each and the
     * offline choices, once. Nothing listens on the discard port here: the zoo's address and a proxy
     * for the mirrors' make every download fail at once, with no traffic beyond loopback.
     */
    @Test
    void aFailedDownloadNamesTheOfflineChoices() throws IOException {
        String baseUrl = DL4JResources.getBaseDownloadURL();
        DL4JResources.setBaseDirectory(Files.createDirectory(dir.resolve("dl4j")).toFile());
        DL4JResources.setBaseDownloadURL("http://127.0.0.1:9/");
        System.setProperty("https.proxyHost", "127.0.0.1");
        System.setProperty("https.proxyPort", "9");
        try {
            CliRun run = CliRun.of("--content", SampleImages.content("chelsea.png").toString(), "--style",
                    SampleImages.style("brick.png").toString(), "--output", dir.resolve("o.png").toString(),
                    "--size", "48", "--iterations", "1");
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.err()).contains("nst: error: No pretrained VGG19 weights could be downloaded, from any of zoo")
                    .contains("keras (", "torchvision (")
                    .contains("the offline choices: --weights FILE").contains("or --weights untrained")
                    .doesNotContain("to work offline");
        } finally {
            DL4JResources.setBaseDownloadURL(baseUrl);
            DL4JResources.resetBaseDirectoryLocation();
            System.clearProperty("https.proxyHost");
            System.clearProperty("https.proxyPort");
        }
    }

    @Test
    void styleExtractionHonoursWidthAndHeightAndWritesJpeg() throws IOException {
        Path output = dir.resolve("texture.jpg");
        CliRun run = CliRun.of("--style", SampleImages.style("gravel.png").toString(), "--output", output.toString(),
                "--width", "56", "--height", "40", "--iterations", "3", "--weights", "random");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Synthesising the texture of");
        BufferedImage texture = ImageIO.read(output.toFile());
        assertThat(texture.getWidth()).isEqualTo(56);
        assertThat(texture.getHeight()).isEqualTo(40);
        assertThat(Files.readAllBytes(output)).startsWith((byte) 0xFF, (byte) 0xD8); // JPEG magic
    }
}
