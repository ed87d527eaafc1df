package io.github.nst4j.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nst4j.examples.SampleImages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No run destroys a file it reads or writes one output twice: every write is compared with every
 * read (real paths, links resolved) and every other write before any work, and a batch names its
 * outputs after distinct labels of its inputs. Refusals are one line, exit 2, and change nothing.
 */
class CliOutputSafetyTest {
    @TempDir
    Path dir;

    private Path content;
    private Path style;

    @BeforeEach
    void setUp() throws IOException {
        content = Files.copy(SampleImages.content("chelsea.png"), dir.resolve("photo.png"));
        style = Files.copy(SampleImages.style("brick.png"), dir.resolve("ihc.png"));
    }

    @Test
    void extrasNamingAnInputAreRefused() throws IOException {
        Path gifStyle = dir.resolve("moving.gif");
        ImageIO.write(new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB), "gif", gifStyle.toFile());
        assertRefused("--record must name a .json file, got " + content, "--record", content.toString());
        assertRefused("--plot " + content + " is the same file as the --content input " + content,
                "--plot", content.toString());
        assertRefused("--animate " + gifStyle + " is the same file as the --style input " + gifStyle,
                List.of("--content", content.toString(), "--style", gifStyle.toString()), "--animate",
                gifStyle.toString());
    }

    @Test
    void anOutputOnTheStartImageOrAMaskIsRefused() throws IOException {
        Path start = Files.copy(content, dir.resolve("start.png"));
        Path mask = Files.copy(content, dir.resolve("mask.png"));
        assertRefused("--output " + start + " is the same file as the --init input " + start,
                List.of("--content", content.toString(), "--output", start.toString()), "--init", start.toString());
        assertRefused("--output " + mask + " is the same file as the --style-masks input " + mask,
                List.of("--content", content.toString(), "--output", mask.toString()), "--style-masks",
                mask.toString());
        assertRefused("--output " + mask + " is the same file as the --style-source-masks input " + mask,
                List.of("--content", content.toString(), "--output", mask.toString()), "--style-source-masks",
                mask.toString());
    }

    @Test
    void anOutputReachedThroughALinkToTheContentIsRefused() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("result.png"), content.getFileName());
        Path linkedFolder = Files.createSymbolicLink(dir.resolve("same"), dir);
        assertRefused("--output " + link + " is the same file as the --content input " + content,
                List.of("--content", content.toString(), "--output", link.toString()));
        assertRefused("is the same file as the --content input " + content,
                List.of("--content", content.toString(), "--output", linkedFolder.resolve("photo.png").toString()));
    }

    @Test
    void aCheckpointNamedLikeAnInputIsRefused() throws IOException {
        Path start = Files.copy(content, dir.resolve("out_0002.png"));
        assertRefused("--save-every would overwrite the --init input " + start + " with a checkpoint of",
                List.of("--content", content.toString(), "--output", dir.resolve("out.png").toString()),
                "--save-every", "2", "--init", start.toString());
    }

    /** In a batch, each job's writes are checked against the reads of all. */
    @Test
    void aBatchOutputOnAnInputIsRefused() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("coll"));
        Path other = Files.copy(content, dir.resolve("other.png"));
        Path start = Files.copy(content, folder.resolve("other_ihc.png"));
        assertRefused("--output of other.png x ihc.png " + start + " is the same file as the --init input " + start,
                List.of("--content", content.toString(), other.toString(), "--output", folder.toString()),
                "--init", start.toString());
    }

    /** Two contents named pic.png in two folders get two outputs, and the user is told how they were named. */
    @Test
    void batchContentsSharingANameGetOutputsOfTheirOwn() throws IOException {
        Path first = Files.copy(content, Files.createDirectory(dir.resolve("d1")).resolve("pic.png"));
        Path second = Files.copy(SampleImages.content("tubingen.jpg"),
                Files.createDirectory(dir.resolve("d2")).resolve("pic.jpg"));
        Path out = dir.resolve("coll");
        CliRun run = CliRun.of("--content", first.toString(), second.toString(), "--style", style.toString(),
                "--output", out.toString(), "--size", "48", "--iterations", "1", "--weights", "random");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("nst: note: d1/pic.png, d2/pic.jpg share a name; their outputs are named after"
                + " pic_png, pic_jpg");
        assertThat(out.resolve("pic_png_ihc.png")).exists();
        assertThat(out.resolve("pic_jpg_ihc.png")).exists();
        assertThat(run.out()).contains("2 written, 0 failed");
    }

    /** The last guard: the same input twice would write one output twice. */
    @Test
    void twoJobsWritingOneOutputAreRefused() {
        Path out = dir.resolve("coll");
        assertRefused("--output of photo.png x ihc.png and --output of photo.png x ihc.png would both write "
                + out.resolve("photo_ihc.png"), List.of("--content", content.toString(), content.toString(),
                "--output", out.toString()));
        assertThat(out).doesNotExist();
    }

    /** "single.png" with several outputs due is a mistake, not a folder to make. */
    @Test
    void aFileNameForSeveralOutputsIsRefused() throws IOException {
        Path single = dir.resolve("single.png");
        assertRefused("With several contents or styles, or a content directory, --output must be a directory"
                + " (2 outputs here), but " + single + " is named like an image file; give a directory (created if"
                + " missing), e.g. " + dir.resolve("single"), List.of("--content", content.toString(), "--style",
                style + "," + SampleImages.style("gravel.png"), "--output", single.toString()));
        Path photos = Files.createDirectory(dir.resolve("photos"));
        Files.copy(content, photos.resolve("cat.png"));
        assertRefused("--output must be a directory (1 output here), but " + single, List.of("--content",
                photos.toString(), "--output", single.toString()));
        assertThat(single).doesNotExist();
    }

    private void assertRefused(String message, String... extraArgs) {
        assertRefused(message, List.of("--content", content.toString()), extraArgs);
    }

    /** Runs with {@code args} (defaults for what they leave out) and checks the refusal changed no file. */
    private void assertRefused(String message, List<String> args, String... extraArgs) {
        Map<Path, byte[]> before = contents();
        Map<String, String> options = new TreeMap<>(Map.of("--style", style.toString(), "--output",
                dir.resolve("out.png").toString()));
        List<String> line = new ArrayList<>(args);
        line.addAll(Arrays.asList(extraArgs));
        options.keySet().removeIf(line::contains);
        options.forEach((option, value) -> line.addAll(List.of(option, value)));
        line.addAll(List.of("--size", "32", "--iterations", "1", "--weights", "random"));

        CliRun run = CliRun.of(line.toArray(new String[0]));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        List<String> errors = run.err().lines().filter(error -> error.startsWith("nst: error:")).toList();
        assertThat(errors).as(run.err()).hasSize(1);
        assertThat(errors.get(0)).contains(message);
        assertThat(run.out()).isEmpty();
        Map<Path, byte[]> after = contents();
        assertThat(after.keySet()).isEqualTo(before.keySet());
        before.forEach((file, bytes) -> assertThat(after.get(file)).as(file.toString()).isEqualTo(bytes));
    }

    private Map<Path, byte[]> contents() {
        Map<Path, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                files.put(file, Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return files;
    }
}
