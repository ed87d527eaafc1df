package io.github.nst4j.tests.untrained;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nst4j.examples.SampleImages;
import io.github.nst4j.fast.FastStyleModel;
import io.github.nst4j.fast.FastStyleTrainer;
import io.github.nst4j.fast.TrainingResult;
import io.github.nst4j.fast.TransformerNet;
import io.github.nst4j.fast.TransformerSize;
import io.github.nst4j.image.Images;
import io.github.nst4j.listener.LossValues;
import io.github.nst4j.stats.StyleDistance;
import io.github.nst4j.stats.StyleStatistics;
import io.github.nst4j.weights.WeightsSource;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fast style network trained briefly with untrained VGG19 weights and their defaults works on
 * photos it never saw: trained on three of the repository's photos, it lowers the loss on the other
 * two, and turns them into images nearer the painting by statistics no network takes part in than
 * the photos themselves are.
 *
 * <p>400 steps of two 64 px crops of the photos at 128 px, the painting at 128 px, a network of
 * 16/32/64 channels and three residual blocks, learning rate 1e-2, the untrained weights' defaults
 * (normalised term gradients, content at {@code block3_conv2} weight 100, no TV). Measured with
 * each photo's term gradients normalised on its own (13 minutes on a loaded machine, with more
 * native operations per step than one pass of the whole batch; see BENCHMARKS.md, "One image at a
 * time"): the held-out loss falls to 0.40 of its value before training (bound 0.5); the held-out
 * photos' colour distance to the painting to 0.15 and 0.19 of their own (bound 0.4). The gradient
 * distance is not asserted: after so short a run the stylised images are smooth blobs in the
 * painting's palette, and their gradient distance is 1.25-1.5 times the photos' own.
 *
 * <p>Measured earlier, with the whole batch normalised at once (about 4 minutes on a loaded
 * machine): held-out loss 0.34, colour distance 0.17 and 0.26, gradient distance 1.4-1.6 (mean
 * luminance gradient about 9-11 against the photo's 16 and the painting's 27). The same run without
 * normalised gradients kept 0.60-0.86 of the colour distance. Texture comes with length: the same
 * training continued to 1000, 2000, 3000, 4000 and 5000 steps took the gradient distance to
 * 1.48/1.23, 1.35/1.11, 1.28/1.06, 1.17/0.97 and 1.02/0.85 (coffee/tower), streaks in the
 * painting's colours appearing over the photos' shapes.
 */
@Tag("evidence")
class UntrainedFastStyleTest {
    private static final List<String> TRAINING = List.of("chelsea.png", "golden_gate.jpg", "tubingen.jpg");
    private static final List<String> HELD_OUT = List.of("coffee.png", "hoovertowernight.jpg");
    private static final String PAINTING = "starry_night.jpg";
    /** The photos' long side, for training and for the check. */
    private static final int SIDE = 128;
    private static final int CROP = 64;
    private static final TransformerSize SIZE = new TransformerSize(16, 32, 64, 3);
    private static final long SEED = 42;
    private static final int STEPS = 400;
    /** Ten times PyTorch's 1e-3, for a run of hundreds of steps rather than tens of thousands. */
    private static final double LEARNING_RATE = 1e-2;
    /** The largest share of the held-out loss before training that may remain after it. */
    private static final double LOSS_SHARE = 0.5;
    /** The largest share of a held-out photo's own colour distance its stylised image may keep. */
    private static final double COLOUR_SHARE = 0.4;

    @TempDir
    Path dir;

    @Test
    void trainingMovesUnseenPhotosTowardThePainting() throws IOException {
        Path training = photos("training", TRAINING);
        Path heldOut = photos("held-out", HELD_OUT);
        FastStyleTrainer trainer = FastStyleTrainer.builder()
                .style(SampleImages.style(PAINTING))
                .images(training)
                .steps(STEPS).batchSize(2).crop(CROP).styleScale(2).size(SIZE)
                .learningRate(LEARNING_RATE)
                .weights(WeightsSource.untrained(SEED).cached())
                .seed(SEED)
                .build();
        FastStyleModel initial = new FastStyleModel(SIZE, TransformerNet.initialWeights(SIZE, SEED), Map.of());

        LossValues before = trainer.evaluate(initial, heldOut);
        TrainingResult result = trainer.train();
        LossValues after = trainer.evaluate(result.model(), heldOut);

        System.out.printf("held-out loss before training %s, after %s%n", before, after);
        assertThat(after.total()).as("held-out loss after training, before it %s", before)
                .isLessThan(LOSS_SHARE * before.total());
        BufferedImage painting = Images.read(SampleImages.style(PAINTING));
        for (String name : HELD_OUT) {
            BufferedImage photo = Images.read(heldOut.resolve(name + ".png"));
            BufferedImage output = result.model().stylize(photo);
            StyleDistance photoItself = StyleStatistics.distance(painting, photo);
            StyleDistance styled = StyleStatistics.distance(painting, output);
            System.out.printf("%s in %s: %s (the photo: %s)%n", name, PAINTING, styled, photoItself);
            assertThat(styled.colour()).as("%s: colour distance, the photo's being %.2f", name, photoItself.colour())
                    .isLessThanOrEqualTo(COLOUR_SHARE * photoItself.colour());
        }
    }

    /** The named sample photos at {@link #SIDE} px in a folder of their own. */
    private Path photos(String folder, List<String> names) throws IOException {
        Path path = Files.createDirectories(dir.resolve(folder));
        for (String name : names) {
            BufferedImage photo = Images.resizeLongSide(Images.read(SampleImages.content(name)), SIDE);
            ImageIO.write(photo, "png", path.resolve(name + ".png").toFile());
        }
        return path;
    }
}
