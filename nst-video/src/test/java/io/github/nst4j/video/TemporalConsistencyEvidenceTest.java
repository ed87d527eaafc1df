package io.github.nst4j.video;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nst4j.image.ImageWriter;
import io.github.nst4j.video.cli.NstVideoMain;
import io.github.nst4j.video.io.Clips;
import io.github.nst4j.video.io.FrameReader;
import io.github.nst4j.video.io.VideoFormat;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The claim of issue 28 on a clip the test makes: 24 frames of a repository photo panned and
 * zoomed, encoded as H.264 by the dependency's FFmpeg, stylised by {@code nst video} with untrained
 * weights twice, with the default temporal weight and with {@code --temporal-weight 0}. Both outputs
 * have the input's frame count, rate and size; the consistent one's mean warping error (previous
 * stylised frame warped by the input's flow, in the pixels where the flow holds) is at most 0.6 of
 * the independent one's. The errors are measured on the decoded output videos, so the encoder's
 * noise, the same for both, counts against the ratio. A few frames of each are written to
 * {@code target/video-evidence} to look at.
 */
@Tag("evidence") // 2 x 24 frames optimised: minutes
class TemporalConsistencyEvidenceTest {
    private static final int FRAMES = 24;
    private static final int WIDTH = 64;
    private static final int HEIGHT = 48;
    private static final String ITERATIONS = "30";
    private static final Path STYLE = Path.of("../nst-examples/images/style/starry_night.jpg");
    private static final Path SAMPLES = Path.of("target/video-evidence");

    @TempDir
    Path dir;

    @Test
    void temporalConsistencyAtMostSixTenthsOfTheIndependentWarpingError() throws Exception {
        List<BufferedImage> inputs = TestClips.pannedFrames(FRAMES, WIDTH, HEIGHT);
        Path clip = TestClips.encode(inputs, dir.resolve("clip.mp4"), false);
        List<BufferedImage> decodedInputs = decode(clip, null);

        List<BufferedImage> consistent = stylise(clip, "consistent", null);
        List<BufferedImage> independent = stylise(clip, "independent", "0");

        double consistentError = WarpingErrors.mean(decodedInputs, consistent);
        double independentError = WarpingErrors.mean(decodedInputs, independent);
        String figures = String.format(Locale.ROOT, "warping error: consistent %.1f, independent %.1f, ratio %.3f",
                consistentError, independentError, consistentError / independentError);
        System.out.println(figures);
        Files.createDirectories(SAMPLES);
        Files.writeString(SAMPLES.resolve("figures.txt"), figures + System.lineSeparator());
        assertThat(consistentError).as(figures).isLessThanOrEqualTo(0.6 * independentError);
    }

    private List<BufferedImage> stylise(Path clip, String name, String temporalWeight) throws Exception {
        Path output = dir.resolve(name + ".mp4");
        List<String> args = new ArrayList<>(List.of("video", "--content", clip.toString(), "--style", STYLE.toString(),
                "--output", output.toString(), "--weights", "untrained", "--iterations", ITERATIONS));
        if (temporalWeight != null) {
            args.addAll(List.of("--temporal-weight", temporalWeight));
        }
        StringWriter err = new StringWriter();
        CommandLine commandLine = NstVideoMain.commandLine();
        commandLine.setOut(new PrintWriter(new StringWriter(), true));
        commandLine.setErr(new PrintWriter(err, true));
        assertThat(commandLine.execute(args.toArray(String[]::new))).as(err.toString()).isZero();
        return decode(output, name);
    }

    /** The clip's frames, after checking its format; some written as PNG under {@code sampleName}. */
    private static List<BufferedImage> decode(Path clip, String sampleName) throws Exception {
        List<BufferedImage> frames = new ArrayList<>();
        try (FrameReader reader = Clips.open(clip, 0)) {
            VideoFormat format = reader.format();
            assertThat(format.width()).isEqualTo(WIDTH);
            assertThat(format.height()).isEqualTo(HEIGHT);
            assertThat(format.frameRate()).isEqualTo(TestClips.FRAME_RATE);
            BufferedImage frame;
            while ((frame = reader.next()) != null) {
                frames.add(frame);
            }
        }
        assertThat(frames).hasSize(FRAMES);
        if (sampleName != null) {
            Files.createDirectories(SAMPLES);
            for (int i = 0; i < FRAMES; i += 8) {
                ImageWriter.write(frames.get(i), SAMPLES.resolve(sampleName + "-" + (i + 1) + ".png"));
            }
        }
        return frames;
    }
}
