package io.github.nst4j.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nst4j.examples.SampleImages;
import io.github.nst4j.fast.FastStyleModel;
import io.github.nst4j.fast.TransformerNet;
import io.github.nst4j.fast.TransformerSize;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code nst train} and {@code nst apply} as a user runs them: bad inputs get one line and exit
 * code 2 before any work; a short training writes a model (with its record and loss chart) that
 * stylises a folder of photos.
 */
class FastStyleCliTest {
    private static final String STYLE = SampleImages.style("starry_night.jpg").toString();

    @TempDir
    Path dir;

    @Test
    void photosThatCannotTrainAreOneLineAndExitCode2() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Path text = Files.createDirectory(dir.resolve("text"));
        Files.writeString(text.resolve("notes.jpg"), "not a picture");
        Path small = Files.createDirectory(dir.resolve("small"));
        ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "png", small.resolve("s.png").toFile());

        assertRefused(train(empty), "holds no JPEG, PNG, BMP or GIF images");
        assertRefused(train(text), "None of the 1 image files");
        assertRefused(train(small), "use a smaller crop");
        assertRefused(CliRun.of("train", "--style", STYLE, "--images", dir.resolve("nope").toString(), "--output",
                dir.resolve("m.nstm").toString(), "--steps", "2"), "--images: " + dir.resolve("nope") + " is not a folder");
        assertRefused(CliRun.of("train", "--style", STYLE, "--images", empty.toString(), "--output",
                dir.resolve("m.nstm").toString()), "--steps");
        assertThat(dir.resolve("m.nstm")).doesNotExist();
    }

    @Test
    void badStyleAndRecordOptionsAreOneLineAndExitCode2() throws IOException {
        Path photos = Files.createDirectory(dir.resolve("photos"));
        assertRefused(CliRun.of("train", "--style", STYLE, "--images", photos.toString(), "--output",
                dir.resolve("m.nstm").toString(), "--steps", "2", "--style-layer-weights", "1,2"),
                "--style-layer-weights: give one weight per layer of --style-layers");
        assertRefused(CliRun.of("train", "--style", STYLE, "--images", photos.toString(), "--output",
                dir.resolve("m.nstm").toString(), "--steps", "2", "--style-scale", "-1"), "--style-scale: -1.0 is not");
        assertRefused(CliRun.of("train", "--style", STYLE, "--images", photos.toString(), "--output",
                dir.resolve("m.nstm").toString(), "--steps", "2", "--plot", dir.resolve("no/plot.png").toString()),
                "--plot: the folder of");
        assertRefused(CliRun.of("train", "--style", STYLE, "--images", photos.toString(), "--output",
                dir.resolve("m.nstm").toString(), "--steps", "2", "--style-layers", "block9_conv1"), "block9_conv1");
    }

    @Test
    void aFileThatIsNoModelIsOneLineAndExitCode2() throws IOException {
        Path notAModel = Files.writeString(dir.resolve("m.nstm"), "not a model");
        CliRun run = CliRun.of("apply", "--model", notAModel.toString(), "--content",
                SampleImages.content("tubingen.jpg").toString(), "--output", dir.resolve("out.png").toString());
        assertRefused(run, "--model: ");
        assertThat(dir.resolve("out.png")).doesNotExist();
    }

    /** A model or plot written over the style or a training photo is refused before any work; both are kept. */
    @Test
    void aTrainingOutputThatIsTheStyleIsRefused() throws IOException {
        Path style = Files.copy(Path.of(STYLE), dir.resolve("style.jpg"));
        byte[] before = Files.readAllBytes(style);
        Path photos = Files.createDirectory(dir.resolve("photos"));

        assertRefused(CliRun.of("train", "--style", style.toString(), "--images", photos.toString(), "--output",
                style.toString(), "--steps", "2"), "--output " + style + " is the same file as the --style input");
        assertRefused(CliRun.of("train", "--style", style.toString(), "--images", photos.toString(), "--output",
                dir.resolve("m.nstm").toString(), "--steps", "2", "--plot", style.toString()),
                "--plot " + style + " is the same file as the --style input");
        Path photo = Files.copy(Path.of(STYLE), photos.resolve("photo.jpg"));
        assertRefused(CliRun.of("train", "--style", style.toString(), "--images", photos.toString(), "--output",
                photo.toString(), "--steps", "2"), "--output " + photo + " is the same file as the --images input");
        assertThat(Files.readAllBytes(style)).isEqualTo(before);
        assertThat(Files.readAllBytes(photo)).isEqualTo(before);
    }

    /**
     * Continuing a finished training from its model rather than its checkpoint is what users try:
     * one line naming the checkpoint beside the model, exit code 2, before any weights are loaded.
     */
    @Test
    void resumingFromAModelNamesItsCheckpoint() throws IOException {
        TransformerSize size = new TransformerSize(4, 8, 8, 1);
        Path model = dir.resolve("done.nstm");
        new FastStyleModel(size, TransformerNet.initialWeights(size, 2), Map.of()).save(model);
        Files.copy(model, dir.resolve("done.nstm.checkpoint"));
        Path photos = Files.createDirectory(dir.resolve("photos"));
        ImageIO.write(new BufferedImage(80, 80, BufferedImage.TYPE_INT_RGB), "png", photos.resolve("p.png").toFile());

        assertRefused(CliRun.of("train", "--style", STYLE, "--images", photos.toString(), "--output",
                dir.resolve("more.nstm").toString(), "--steps", "20", "--crop", "64", "--weights", "pretrained",
                "--resume", model.toString()), "--resume: " + model + " is a model without its training state, not a"
                + " checkpoint; resume from the checkpoint its training wrote, " + model + ".checkpoint");
        assertThat(dir.resolve("more.nstm")).doesNotExist();
    }

    @Test
    void aDamagedCheckpointIsAUsageErrorNamingResume() throws IOException {
        TransformerSize size = new TransformerSize(4, 8, 8, 1);
        Path model = dir.resolve("whole.nstm");
        new FastStyleModel(size, TransformerNet.initialWeights(size, 2), Map.of()).save(model);
        Path cut = Files.write(dir.resolve("cut.checkpoint"), Arrays.copyOf(Files.readAllBytes(model), 3000));
        Path photos = Files.createDirectory(dir.resolve("photos"));
        ImageIO.write(new BufferedImage(80, 80, BufferedImage.TYPE_INT_RGB), "png", photos.resolve("p.png").toFile());

        assertRefused(CliRun.of("train", "--style", STYLE, "--images", photos.toString(), "--output",
                dir.resolve("more.nstm").toString(), "--steps", "20", "--crop", "64", "--weights", "pretrained",
                "--resume", cut.toString()), "--resume: " + cut + " is not an nst4j fast style model");
        assertThat(dir.resolve("more.nstm")).doesNotExist();
    }

    /**
     * Tiles and colour preservation from the command line: a tiled output equals the whole one within
     * one level, and a memory bound below what any run needs is one line and exit code 2.
     */
    @Test
    void applyRendersInTilesAndKeepsColoursOnRequest() throws IOException {
        TransformerSize size = new TransformerSize(4, 8, 8, 1);
        Path model = dir.resolve("tiny.nstm");
        new FastStyleModel(size, TransformerNet.initialWeights(size, 2), Map.of()).save(model);
        String photo = SampleImages.content("tubingen.jpg").toString();
        Path whole = dir.resolve("whole.png");
        Path tiled = dir.resolve("tiled.png");
        Path kept = dir.resolve("kept.png");

        assertThat(CliRun.of("apply", "--model", model.toString(), "--content", photo, "--output", whole.toString(),
                "--size", "96").exitCode()).isZero();
        CliRun inTiles = CliRun.of("apply", "--model", model.toString(), "--content", photo, "--output",
                tiled.toString(), "--size", "96", "--tile", "32");
        assertThat(inTiles.exitCode()).as(inTiles.err()).isZero();
        assertThat(maxDifference(ImageIO.read(whole.toFile()), ImageIO.read(tiled.toFile()))).isLessThanOrEqualTo(1);
        CliRun colours = CliRun.of("apply", "--model", model.toString(), "--content", photo, "--output", kept.toString(),
                "--size", "96", "--preserve-colors", "histogram");
        assertThat(colours.exitCode()).as(colours.err()).isZero();
        assertThat(maxDifference(ImageIO.read(whole.toFile()), ImageIO.read(kept.toFile()))).isGreaterThan(10);

        assertRefused(CliRun.of("apply", "--model", model.toString(), "--content", photo, "--output",
                dir.resolve("small.png").toString(), "--max-memory", "1k"), "'1k' is below the 100 MB");
        assertThat(dir.resolve("small.png")).doesNotExist();
    }

    private static int maxDifference(BufferedImage a, BufferedImage b) {
        assertThat(b.getWidth()).isEqualTo(a.getWidth());
        assertThat(b.getHeight()).isEqualTo(a.getHeight());
        int max = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift < 24; shift += 8) {
                    max = Math.max(max, Math.abs((p >> shift & 0xff) - (q >> shift & 0xff)));
                }
            }
        }
        return max;
    }

    /** An output that is also an input is refused before the model is read, and the photo is kept. */
    @Test
    void anOutputThatIsAnInputIsRefused() throws IOException {
        Path photo = dir.resolve("photo.png");
        ImageIO.write(new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB), "png", photo.toFile());
        byte[] before = Files.readAllBytes(photo);
        Path model = Files.writeString(dir.resolve("m.nstm"), "not read");
        assertRefused(CliRun.of("apply", "--model", model.toString(), "--content", photo.toString(), "--output",
                photo.toString()), "is also an input");
        assertRefused(CliRun.of("apply", "--model", model.toString(), "--content", dir.toString(), "--output",
                dir.toString()), "is also an input");
        assertThat(Files.readAllBytes(photo)).isEqualTo(before);
    }

    /** A few steps at 64 px crops; the model then stylises the sample photos at 96 px, named after each. */
    @Tag("evidence")
    @Test
    void aShortTrainingWritesAModelThatStylisesAFolder() throws IOException {
        Path photos = SampleImages.locate().resolve("content");
        Path model = dir.resolve("starry.nstm");
        CliRun trained = CliRun.of("train", "--style", STYLE, "--images", photos.toString(), "--output", model.toString(),
                "--steps", "3", "--batch-size", "2", "--crop", "64", "--weights", "untrained",
                "--style-layers", "block1_conv1,block2_conv1,block3_conv1", "--style-layer-weights", "1,1,0.5",
                "--no-normalize-gradients",
                "--plot", dir.resolve("losses.png").toString());
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        assertThat(trained.err()).contains("step 3/3");
        assertThat(model).isRegularFile();
        assertThat(Path.of(model + ".json")).content().contains("\"step\" : 3");
        assertThat(FastStyleModel.load(model).description().get("training.styleLayers"))
                .contains("block3_conv1=0.5").doesNotContain("block4_conv1");
        assertThat(FastStyleModel.load(model).description().get("training.normalizeGradients")).isEqualTo("false");
        BufferedImage chart = ImageIO.read(dir.resolve("losses.png").toFile());
        assertThat(chart.getWidth()).isEqualTo(800);

        Path styled = dir.resolve("styled");
        CliRun applied = CliRun.of("apply", "--model", model.toString(), "--content", photos.toString(),
                "--output", styled.toString(), "--size", "96");
        assertThat(applied.exitCode()).as(applied.err()).isZero();
        BufferedImage tubingen = ImageIO.read(styled.resolve("tubingen.png").toFile());
        assertThat(Math.max(tubingen.getWidth(), tubingen.getHeight())).isEqualTo(96);
        try (var files = Files.list(styled)) {
            assertThat(files.count()).isEqualTo(5);
        }
    }

    private CliRun train(Path images) {
        return CliRun.of("train", "--style", STYLE, "--images", images.toString(), "--output",
                dir.resolve("m.nstm").toString(), "--steps", "2", "--weights", "untrained");
    }

    private static void assertRefused(CliRun run, String message) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains(message);
        assertThat(run.err().lines().filter(line -> line.startsWith("nst: error:")).count()).isEqualTo(1);
    }
}
