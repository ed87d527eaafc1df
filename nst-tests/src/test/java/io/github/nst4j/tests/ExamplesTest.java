package io.github.nst4j.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nst4j.examples.ExampleCommandLine;
import io.github.nst4j.examples.ExtractStyle;
import io.github.nst4j.examples.SampleImages;
import io.github.nst4j.examples.StylizePhoto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
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
