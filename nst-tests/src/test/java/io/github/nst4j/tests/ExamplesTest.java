package io.github.nst4j.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nst4j.examples.ApplyStyleModel;
import io.github.nst4j.examples.ExampleCommandLine;
import io.github.nst4j.examples.ExtractStyle;
import io.github.nst4j.examples.SampleImages;
import io.github.nst4j.examples.StylizePhoto;
import io.github.nst4j.examples.TrainStyleModel;
import io.github.nst4j.fast.FastStyleModel;
import io.github.nst4j.fast.TransformerNet;
import io.github.nst4j.fast.TransformerSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example programs run as a user runs them (random weights, tiny sizes): the same {@code --weights}
 * as {@code nst}, progress with an ETA, and one line and exit code 2 or 1 when something is wrong.
 */
class ExamplesTest {
    @TempDir
    Path dir;

    @Test
    void stylizePhotoTakesSizeIterationsAndWeightsAsOptionsAndShowsProgress() throws IOException {
        Path output = dir.resolve("out.png");

        CliRun run = CliRun.of(StylizePhoto.commandLine(), SampleImages.content("coffee.png").toString(),
                SampleImages.style("woman-with-hat-matisse.jpg").toString(), output.toString(),
                "--weights", "random", "--size", "64", "--iterations", "3");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(ImageIO.read(output.toFile()).getWidth()).isEqualTo(64);
        assertThat(run.out()).containsPattern("iteration 1/3  loss \\S+  \\S+ s/it  ETA \\d:\\d\\d:\\d\\d")
                .contains("iteration 3/3").contains("Wrote " + output);
    }

    @Test
    void extractStyleTakesTheTextureSizeAndIterationsAndShowsProgress() throws IOException {
        Path output = dir.resolve("texture.png");

        CliRun run = CliRun.of(ExtractStyle.commandLine(), SampleImages.style("shipwreck.jpg").toString(),
                output.toString(), "--size", "48", "--iterations", "2", "--weights", "RANDOM");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(ImageIO.read(output.toFile()).getWidth()).isEqualTo(48);
        assertThat(ImageIO.read(output.toFile()).getHeight()).isEqualTo(48);
        assertThat(run.out()).contains("iteration 2/2").contains("ETA");
    }

    /** A few steps at 32 px crops with random weights: the model file, then a photo through it. */
    @Tag("evidence")
    @Test
    void trainStyleModelWritesAModelThatApplyStyleModelUses() throws IOException {
        Path model = dir.resolve("brick.nstm");
        CliRun trained = CliRun.of(TrainStyleModel.commandLine(), SampleImages.style("brick.png").toString(),
                SampleImages.locate().resolve("content").toString(), model.toString(), "--steps", "2",
                "--batch-size", "1", "--crop", "32", "--weights", "random");
        assertThat(trained.exitCode()).as(trained.err()).isZero();
        assertThat(trained.out()).containsPattern("step 1/2  loss \\S+  \\S+ s/step  ETA \\d:\\d\\d:\\d\\d")
                .contains("Wrote " + model + " after 2 steps");

        Path output = dir.resolve("styled.png");
        CliRun applied = CliRun.of(ApplyStyleModel.commandLine(), model.toString(),
                SampleImages.content("coffee.png").toString(), output.toString(), "--size", "40");
        assertThat(applied.exitCode()).as(applied.err()).isZero();
        assertThat(ImageIO.read(output.toFile()).getWidth()).isEqualTo(40);
    }

    @Test
    void applyStyleModelStylisesAPhotoAndSaysHowLongItTook() throws IOException {
        TransformerSize size = new TransformerSize(4, 8, 8, 1);
        Path model = dir.resolve("tiny.nstm");
        new FastStyleModel(size, TransformerNet.initialWeights(size, 1), Map.of()).save(model);
        Path output = dir.resolve("styled.png");

        CliRun run = CliRun.of(ApplyStyleModel.commandLine(), model.toString(),
                SampleImages.content("coffee.png").toString(), output.toString(), "--size", "40");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(ImageIO.read(output.toFile()).getWidth()).isEqualTo(40);
        assertThat(run.out()).containsPattern("Wrote " + Pattern.quote(output.toString()) + " \\(40x\\d+\\) in \\S+ s");
    }

    @Test
    void exampleModelInputsThatAreWrongAreOneLineAndExitCode2() throws IOException {
        CliRun noFolder = CliRun.of(TrainStyleModel.commandLine(), SampleImages.style("brick.png").toString(),
                dir.resolve("photos").toString(), dir.resolve("m.nstm").toString(), "--weights", "random");
        assertOneLineError(noFolder, ExampleCommandLine.USAGE, "TrainStyleModel: error: PHOTOS: ", "is not a folder");

        Path notAModel = Files.writeString(dir.resolve("m.nstm"), "not a model");
        CliRun damaged = CliRun.of(ApplyStyleModel.commandLine(), notAModel.toString(),
                SampleImages.content("coffee.png").toString(), dir.resolve("out.png").toString());
        assertOneLineError(damaged, ExampleCommandLine.FAILED, "ApplyStyleModel: error: ", "is not an nst4j fast style model");
        assertThat(dir.resolve("out.png")).doesNotExist();
    }

    @Test
    void aStyleThatIsNotAnImageIsOneLineAndExitCode2() throws IOException {
        Path notAnImage = Files.writeString(dir.resolve("notes.txt"), "not an image");
        Path output = dir.resolve("texture.png");

        CliRun run = CliRun.of(ExtractStyle.commandLine(), notAnImage.toString(), output.toString(),
                "--weights", "random");

        assertOneLineError(run, ExampleCommandLine.USAGE, "ExtractStyle: error: STYLE: ",
                notAnImage + " is not an image (use a JPEG, PNG, BMP or GIF file)");
        assertThat(output).doesNotExist();
    }

    @Test
    void aMissingPhotoIsOneLineAndExitCode2() {
        CliRun run = CliRun.of(StylizePhoto.commandLine(), dir.resolve("missing.jpg").toString(),
                SampleImages.style("brick.png").toString(), dir.resolve("out.png").toString(), "--weights", "random");

        assertOneLineError(run, ExampleCommandLine.USAGE, "StylizePhoto: error: ", "no such file");
    }

    @Test
    void anUnwritableOutputIsRefusedBeforeTheRun() {
        CliRun run = CliRun.of(StylizePhoto.commandLine(), SampleImages.content("coffee.png").toString(),
                SampleImages.style("brick.png").toString(), dir.resolve("out.tif").toString(), "--weights", "random");

        assertOneLineError(run, ExampleCommandLine.USAGE, "StylizePhoto: error: ", ".png, .jpg or .jpeg");
        assertThat(run.out()).doesNotContain("iteration");
    }

    @Test
    void aMissingWeightsFileIsOneLineAndExitCode2() {
        CliRun run = CliRun.of(StylizePhoto.commandLine(), SampleImages.content("coffee.png").toString(),
                SampleImages.style("brick.png").toString(), dir.resolve("out.png").toString(),
                "--weights", dir.resolve("vgg19.npz").toString());

        assertOneLineError(run, ExampleCommandLine.USAGE, "StylizePhoto: error: ", "no weights file");
    }

    @Test
    void aSizeTooSmallIsOneLineNamingTheFix() {
        CliRun run = CliRun.of(ExtractStyle.commandLine(), SampleImages.style("brick.png").toString(),
                dir.resolve("texture.png").toString(), "--size", "8", "--weights", "random");

        assertOneLineError(run, ExampleCommandLine.USAGE, "ExtractStyle: error: ", "at least");
    }

    /** Offline, the zoo download fails: one line that names the offline choices, exit code 1. */
    @Test
    void offlineTheZooWeightsFailInOneLineThatNamesTheOfflineChoices() throws Exception {
        Path output = dir.resolve("out.png");

        // The discard port, where nothing listens: the zoo's address, and a proxy for the mirrors'.
        ExampleProcess run = ExampleProcess.run(dir, List.of("org.deeplearning4j.resources.baseurl=http://127.0.0.1:9/",
                        "org.deeplearning4j.resources.directory=" + dir.resolve("dl4j"), "https.proxyHost=127.0.0.1",
                        "https.proxyPort=9"), StylizePhoto.class,
                SampleImages.content("coffee.png").toString(), SampleImages.style("brick.png").toString(),
                output.toString(), "--size", "48", "--iterations", "1");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExampleCommandLine.FAILED);
        assertThat(run.err().lines().filter(line -> line.contains("error"))).as(run.err()).singleElement()
                .asString().startsWith("StylizePhoto: error: No pretrained VGG19 weights could be downloaded")
                .contains("--weights untrained").doesNotContain("to work offline");
        assertThat(run.err()).as("no stack trace").doesNotContain("\tat ").doesNotContain("Caused by");
        assertThat(output).doesNotExist();
    }

    private static void assertOneLineError(CliRun run, int exitCode, String prefix, String problem) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(exitCode);
        assertThat(run.err().lines()).as(run.err()).singleElement().asString().startsWith(prefix).contains(problem);
    }
}
