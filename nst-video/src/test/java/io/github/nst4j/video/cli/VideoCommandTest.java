package io.github.nst4j.video.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nst4j.Defaults;
import io.github.nst4j.image.ImageWriter;
import io.github.nst4j.image.Images;
import io.github.nst4j.video.TestClips;
import io.github.nst4j.video.TestModels;
import io.github.nst4j.video.io.Clips;
import io.github.nst4j.video.io.FramePattern;
import io.github.nst4j.video.io.FrameReader;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code nst video} end to end on tiny clips: what it writes, and the inputs it refuses before any frame. */
class VideoCommandTest {
    private static final Path STYLE = Path.of("../nst-examples/images/style/starry_night.jpg");
    /** The cheapest settings (refused inputs must not reach the optimisation anyway). */
    private static final String[] QUICK = {"--weights", "random", "--iterations", "1"};

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void aClipWithSoundComesOutWithItsFrameCountRateSizeAndSound() throws Exception {
        Path clip = TestClips.encode(TestClips.pannedFrames(4, 64, 48), dir.resolve("clip.mp4"), true);
        Path model = TestModels.responsive(1, dir.resolve("tiny.nstm"));
        Path output = dir.resolve("out.mp4");

        int code = run("video", "--content", clip.toString(), "--model", model.toString(), "--output", output.toString());

        assertThat(code).as(err.toString()).isZero();
        try (FrameReader reader = Clips.open(output, 0)) {
            assertThat(reader.format().width()).isEqualTo(64);
            assertThat(reader.format().height()).isEqualTo(48);
            assertThat(reader.format().frameRate()).isEqualTo(TestClips.FRAME_RATE);
            assertThat(reader.format().hasAudio()).isTrue();
            assertThat(count(reader)).isEqualTo(4);
        }
        assertThat(out.toString()).contains("Frame 1/4").contains("Frame 4/4").contains("ETA");
        // The work folder is gone once the video is written.
        assertThat(Files.exists(dir.resolve("out.mp4.frames"))).isFalse();
    }

    /** The optimising path, as cheaply as it runs: two frames, one step each, random weights. */
    @Test
    void framesAreOptimisedWithAStyleImage() throws Exception {
        Path clip = TestClips.encode(TestClips.pannedFrames(2, 64, 48), dir.resolve("clip.mp4"), false);

        int code = run("video", "--content", clip.toString(), "--style", STYLE.toString(),
                "--output", dir.resolve("styled/%05d.png").toString(), "--weights", "random", "--iterations", "1");

        assertThat(code).as(err.toString()).isZero();
        assertThat(Images.read(dir.resolve("styled/00002.png")).getWidth()).isEqualTo(64);
        assertThat(dir.resolve("styled/00003.png")).doesNotExist();
    }

    /**
     * Frames made with one style weight do not continue under another: the resumed run is refused in
     * one line naming the option, the frames left as they were; with the first run's options it goes on.
     */
    @Test
    void aResumeWithOtherSettingsIsRefusedNamingTheOption() throws Exception {
        Path clip = TestClips.encode(TestClips.pannedFrames(2, 64, 48), dir.resolve("clip.mp4"), false);
        Path frames = dir.resolve("styled");
        String[] first = {"video", "--content", clip.toString(), "--style", STYLE.toString(),
            "--output", frames.resolve("%05d.png").toString(), "--weights", "random", "--iterations", "1"};
        assertThat(run(first)).as(err.toString()).isZero();
        byte[] framesBefore = Files.readAllBytes(frames.resolve("00002.png"));
        err.getBuffer().setLength(0);

        int code = run(concat(first, new String[] {"--resume", "--style-weight", "5"}));

        assertThat(code).isEqualTo(2);
        assertThat(err.toString().strip()).doesNotContain("\n").startsWith("nst: error: The frames in")
                .contains("--style-weight " + Defaults.STYLE_WEIGHT)
                .contains("this run has --style-weight 5.0").contains("remove the folder to start over");
        assertThat(Files.readAllBytes(frames.resolve("00002.png"))).isEqualTo(framesBefore);

        assertThat(run(concat(first, new String[] {"--resume"}))).as(err.toString()).isZero();
    }

    @Test
    void framesInAndOutAtAnotherSizeWithAFastModel() throws Exception {
        List<BufferedImage> frames = TestClips.pannedFrames(3, 64, 48);
        FramePattern input = FramePattern.of(dir.resolve("in/%05d.png"));
        Files.createDirectories(input.folder());
        for (int i = 0; i < frames.size(); i++) {
            ImageWriter.write(frames.get(i), input.file(i + 1));
        }
        Path model = TestModels.responsive(1, dir.resolve("tiny.nstm"));

        int code = run("video", "--content", input.folder().toString(), "--model", model.toString(),
                "--output", dir.resolve("styled/f%03d.png").toString(), "--size", "48");

        assertThat(code).as(err.toString()).isZero();
        try (Stream<Path> written = Files.list(dir.resolve("styled"))) {
            assertThat(written.map(file -> file.getFileName().toString()))
                    .containsExactlyInAnyOrder("f001.png", "f002.png", "f003.png", "nst-video.properties");
        }
        BufferedImage last = Images.read(dir.resolve("styled/f003.png"));
        assertThat(last.getWidth()).isEqualTo(48);
        assertThat(last.getHeight()).isEqualTo(36);
    }

    @Test
    void aDamagedFileIsOneLineAndExit2() throws Exception {
        Path clip = TestClips.encode(TestClips.pannedFrames(4, 64, 48), dir.resolve("clip.mp4"), false);
        byte[] bytes = Files.readAllBytes(clip);
        Path damaged = Files.write(dir.resolve("damaged.mp4"), java.util.Arrays.copyOf(bytes, 40));
        assertRefusedBeforeAnyFrame(damaged, dir.resolve("out.mp4"), "Cannot read");
    }

    @Test
    void aClipWithoutVideoIsOneLineAndExit2() throws Exception {
        Path sound = TestClips.encodeSoundOnly(dir.resolve("sound.m4a"), 1);
        assertRefusedBeforeAnyFrame(sound, dir.resolve("out.mp4"), "no video stream");
    }

    @Test
    void anOutputThatCannotBeWrittenIsOneLineAndExit2() throws Exception {
        Path clip = TestClips.encode(TestClips.pannedFrames(2, 64, 48), dir.resolve("clip.mp4"), false);
        assertRefusedBeforeAnyFrame(clip, dir.resolve("missing/out.mp4"), "does not exist");
        assertRefusedBeforeAnyFrame(clip, dir.resolve("out.gif"), ".mp4");
    }

    /** A loss weight the library refuses is named by its flag, exit code 2, and no frame is written. */
    @Test
    void aBadLossWeightIsOneLineAndExit2() throws Exception {
        Path clip = TestClips.encode(TestClips.pannedFrames(2, 64, 48), dir.resolve("clip.mp4"), false);
        Path output = dir.resolve("out.mp4");

        int code = run("video", "--content", clip.toString(), "--style", STYLE.toString(), "--output",
                output.toString(), "--weights", "random", "--iterations", "1", "--content-weight", "-1");

        assertThat(code).as(err.toString()).isEqualTo(2);
        assertThat(err.toString().lines().filter(line -> line.startsWith("nst: error: "))).singleElement()
                .asString().contains("--content-weight");
        assertThat(Files.exists(output)).isFalse();
        assertThat(Files.exists(dir.resolve("out.mp4.frames/00001.png"))).isFalse();
    }

    @Test
    void aMissingClipIsOneLineAndExit2() {
        assertRefusedBeforeAnyFrame(dir.resolve("nothing.mp4"), dir.resolve("out.mp4"), "No such file");
    }

    private void assertRefusedBeforeAnyFrame(Path input, Path output, String reason) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        int code = run(concat(new String[] {"video", "--content", input.toString(), "--style", STYLE.toString(),
            "--output", output.toString()}, QUICK));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().lines().toList()).singleElement().asString()
                .startsWith("nst: error: ").contains(reason);
        assertThat(out.toString()).doesNotContain("Frame ");
        assertThat(Files.exists(output)).isFalse();
    }

    private int run(String... args) {
        CommandLine commandLine = NstVideoMain.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    private static int count(FrameReader reader) {
        int count = 0;
        while (reader.next() != null) {
            count++;
        }
        return count;
    }

    private static String[] concat(String[] first, String[] second) {
        return Stream.concat(Stream.of(first), Stream.of(second)).toArray(String[]::new);
    }
}
