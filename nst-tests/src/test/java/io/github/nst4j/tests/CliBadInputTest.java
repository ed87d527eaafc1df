package io.github.nst4j.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nst4j.examples.SampleImages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input gets one error line naming the problem, a non-zero exit code, and leaves no output or
 * partial file behind. None of these runs gets as far as loading weights.
 */
class CliBadInputTest {
    @TempDir
    Path dir;

    private Path style;
    private Path output;

    @BeforeEach
    void setUp() {
        style = SampleImages.style("starry_night.jpg");
        output = dir.resolve("out.png");
    }

    /** A path that is not there is a bad command line, found before the run header or any work. */
    @Test
    void missingContentFile() {
        assertRefused(2, "--content: " + dir.resolve("nope.jpg") + " not found; check the path", "--content",
                dir.resolve("nope.jpg").toString());
        assertThat(run("--content", dir.resolve("nope.jpg").toString()).out()).isEmpty();
    }

    /** Every file option names its own fault, exits 2 and prints nothing of a run. */
    @Test
    void inputPathsAreCheckedBeforeTheRun() throws IOException {
        String content = SampleImages.content("chelsea.png").toString();
        Path folder = Files.createDirectory(dir.resolve("folder"));
        assertNoRun(run("--content", content, "--init", folder.toString()), "--init names a directory, " + folder
                + "; give an image file, or content, noise or style");
        assertNoRun(run("--content", content, "--style-masks", folder.toString()), "--style-masks names a directory, "
                + folder + "; give one mask image per style, separated by commas");
        assertNoRun(run("--content", content, "--init", dir.resolve("start.png").toString()), "--init: "
                + dir.resolve("start.png") + " not found");
        assertNoRun(run("--content", content, "--resume", folder.toString()), "--resume names a directory, " + folder
                + "; give the .state.npz file an interrupted run wrote");
        Path notes = Files.writeString(dir.resolve("notes.txt"), "not a state");
        assertNoRun(run("--content", content, "--resume", notes.toString()), "--resume names " + notes
                + ", which is not a run state; give the <output>.state.npz file an interrupted run wrote");
        assertNoRun(CliRun.of("--content", content, "--style", style.toString(), "--output", output.toString(),
                "--weights", "/nonexistent.npz"), "--weights: /nonexistent.npz not found; check the path");
    }

    /**
     * More iterations of a finished run: it kept no state, so --resume of its state or of its image
     * says how to go further from the result instead of only that the file is wrong.
     */
    @Test
    void resumingAFinishedRunPointsToInit() throws IOException {
        String content = SampleImages.content("chelsea.png").toString();
        Path finished = Files.copy(SampleImages.content("chelsea.png"), dir.resolve("finished.png"));
        Path state = dir.resolve("finished.png.state.npz");
        assertNoRun(run("--content", content, "--resume", state.toString()), "--resume: " + state + " not found: the"
                + " run that wrote " + finished + " finished, and a finished run keeps no state; to go further from its"
                + " result, start a new run with --init " + finished);
        assertNoRun(run("--content", content, "--resume", finished.toString()), "--resume names " + finished
                + ", an image, not a run state; to go further from it, start a new run with --init " + finished);
    }

    /** --record is a .json file; a directory gets the record's own name as the suggestion, not "out". */
    @Test
    void recordNamesAJsonFile() throws IOException {
        String content = SampleImages.content("chelsea.png").toString();
        assertRefused(2, "--record must name a .json file, got " + dir.resolve("rec"), "--content", content,
                "--record", dir.resolve("rec").toString());
        Path records = Files.createDirectory(dir.resolve("records"));
        assertRefused(2, "--record names a directory, " + records + "; name a file in it, e.g. "
                + records.resolve("out.png.json"), "--content", content, "--record", records.toString());
    }

    private void assertNoRun(CliRun run, String message) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err().lines().filter(line -> line.startsWith("nst: error:")).toList()).as(run.err())
                .singleElement().asString().startsWith("nst: error: " + message);
        assertThat(run.out()).isEmpty();
        assertThat(output).doesNotExist();
    }

    @Test
    void directoryInsteadOfStyleFile() {
        style = dir;
        assertRefused(2, "--style names a directory, " + dir, "--content", SampleImages.content("chelsea.png").toString());
    }

    /** Each extra file is checked before any work, naming the user's path and the reason. */
    @Test
    void extraFilesAreCheckedBeforeTheRun() throws IOException {
        String content = SampleImages.content("chelsea.png").toString();
        Path missing = dir.resolve("missing");
        assertRefused(2, "--plot: the directory " + missing + " does not exist", "--content", content,
                "--plot", missing.resolve("p.png").toString());
        assertRefused(2, "--animate must name a .gif file, got " + dir.resolve("a.png"), "--content", content,
                "--animate", dir.resolve("a.png").toString());
        Path recordDirectory = Files.createDirectory(dir.resolve("records"));
        assertRefused(2, "--record names a directory, " + recordDirectory, "--content", content,
                "--record", recordDirectory.toString());
        Path existing = Files.createDirectory(dir.resolve("outdir"));
        CliRun run = CliRun.of("--content", content, "--style", style.toString(), "--output", existing.toString(),
                "--weights", "random");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--output names a directory, " + existing);
        try (Stream<Path> files = Files.list(existing)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void outputEndingInASlashWithOneInputAsksForAFileName() {
        Path directory = dir.resolve("new");
        CliRun run = CliRun.of("--content", SampleImages.content("chelsea.png").toString(), "--style",
                style.toString(), "--output", directory + "/", "--weights", "random");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--output names a directory").contains("name a file");
        assertThat(directory).doesNotExist();
    }

    @Test
    void urlsAndDirectoriesAreNotFiles() {
        assertRefused(2, "URLs are not supported: download the file first", "--content",
                "http://example.com/photo.jpg");
        assertRefused(2, "is a directory; give the weights file in it", "--content",
                SampleImages.content("chelsea.png").toString(), "--weights", dir.toString());
    }

    /** The short side of the output must reach 32 px; the refusal names the smallest --size that does. */
    @Test
    void aPanoramaTooSmallNamesTheSizeThatWorks() throws IOException {
        Path panorama = dir.resolve("panorama.png");
        ImageIO.write(new BufferedImage(2000, 100, BufferedImage.TYPE_INT_RGB), "png", panorama.toFile());
        assertRefused(2, "--size: The output would be 128x6 px", "--content", panorama.toString(), "--size", "128");
        assertThat(run("--content", panorama.toString(), "--size", "128").err()).contains("use a size of at least 630");
    }

    @Test
    void contentDirectoryWithoutImages() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        CliRun run = CliRun.of("--content", empty.toString(), "--style", style.toString(), "--output", dir.toString(),
                "--weights", "random");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("nst: error: --content: no JPEG, PNG, BMP or GIF images in the directory "
                + empty);
    }

    @Test
    void zeroByteFile() throws IOException {
        assertRefused(1, "Not a supported image", "--content", Files.createFile(dir.resolve("empty.jpg")).toString());
    }

    @Test
    void textFileNamedLikeAnImage() throws IOException {
        Path text = Files.writeString(dir.resolve("photo.png"), "hello");
        assertRefused(1, "Not a supported image", "--content", text.toString());
    }

    @Test
    void truncatedJpeg() throws IOException {
        byte[] jpeg = Files.readAllBytes(SampleImages.content("tubingen.jpg"));
        Path cut = Files.write(dir.resolve("cut.jpg"), Arrays.copyOf(jpeg, 400));
        assertRefused(1, "cut.jpg", "--content", cut.toString());
    }

    @Test
    void imageSmallerThanVggMinimum() throws IOException {
        Path tiny = dir.resolve("tiny.png");
        ImageIO.write(new BufferedImage(20, 40, BufferedImage.TYPE_INT_RGB), "png", tiny.toFile());
        assertRefused(1, "at least 32 px", "--content", tiny.toString());
    }

    @Test
    void sizeTooLargeForMemory() {
        // A size the machine cannot hold is a bad --size: exit 2, naming the size that fits.
        assertRefused(2, "--size: An output of", "--content", SampleImages.content("chelsea.png").toString(),
                "--size", "20000");
    }

    @Test
    void unsupportedOutputFormat() {
        output = dir.resolve("out.gif");
        assertRefused(2, "Unsupported output format", "--content", SampleImages.content("chelsea.png").toString());
    }

    @Test
    void outputDirectoryMissing() {
        output = dir.resolve("missing").resolve("out.png");
        assertRefused(2, "does not exist", "--content", SampleImages.content("chelsea.png").toString());
    }

    @Test
    void outputSameAsInput() throws IOException {
        Path content = Files.copy(SampleImages.content("chelsea.png"), dir.resolve("chelsea.png"));
        output = content;
        CliRun run = run("--content", content.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("is the same file as the --content input");
        assertThat(Files.readAllBytes(content)).isEqualTo(Files.readAllBytes(SampleImages.content("chelsea.png")));
    }

    @Test
    void nonPositiveNumbers() {
        String content = SampleImages.content("chelsea.png").toString();
        assertRefused(2, "--iterations: Iterations must be positive", "--content", content, "--iterations", "0");
        assertRefused(2, "--size: The size must be at least 32 px", "--content", content, "--size", "-5");
        assertRefused(2, "--style-weight: The style weight must be a positive number", "--content", content,
                "--style-weight", "0");
        assertRefused(2, "--content-weight: The content weight must be a positive number", "--content", content,
                "--content-weight", "-1");
        assertRefused(2, "--learning-rate: The learning rate must be a positive number", "--content", content,
                "--learning-rate", "0");
        assertRefused(2, "--tv-weight: The TV weight must be zero or positive", "--content", content,
                "--tv-weight", "-1");
    }

    @Test
    void badEnumValueAndUnknownOption() {
        String content = SampleImages.content("chelsea.png").toString();
        assertRefused(2, "--pooling", "--content", content, "--pooling", "median");
        assertRefused(2, "Unknown option", "--content", content, "--colour", "red");
    }

    private void assertRefused(int exitCode, String message, String... extraArgs) {
        CliRun run = run(extraArgs);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(exitCode);
        List<String> errors = run.err().lines().filter(line -> line.startsWith("nst: error:")).toList();
        assertThat(errors).as(run.err()).hasSize(1);
        assertThat(errors.get(0)).contains(message);
        assertThat(output).doesNotExist();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(file -> file.getFileName().toString()))
                    .noneMatch(name -> name.endsWith(".tmp") || name.startsWith("out"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private CliRun run(String... extraArgs) {
        List<String> args = new java.util.ArrayList<>(List.of("--style", style.toString(), "--output",
                output.toString(), "--weights", "random"));
        args.addAll(List.of(extraArgs));
        return CliRun.of(args.toArray(new String[0]));
    }
}
