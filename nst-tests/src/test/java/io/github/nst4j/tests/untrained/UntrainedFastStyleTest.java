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
 * the photos themselves are, in colour and in brush texture (luminance gradients).
 *
 * <p>1200 steps of two 64 px crops of the photos at 128 px, the painting at the crops' side (the
 * trainer's default style scale 1), a network of 16/32/64 channels and three residual blocks,
 * learning rate 1e-2, the untrained weights' defaults (normalised term gradients, content at
 * {@code block3_conv2} weight 100, no TV). Measured on main with each photo's term gradients
 * normalised on its own (387 s, nothing else running): the held-out loss falls to 0.31 of its value
 * before training (bound 0.5); the held-out photos' colour distance to the painting to 0.25 and 0.24
 * of their own (bound 0.4), their gradient distance to 0.59 and 0.51 of their own (coffee, tower;
 * bound 1, below the photo's). With the whole batch normalised at once the same run gave 0.55 and
 * 0.51, after 1.02/0.85 at 400 steps and 0.79/0.69 at 800. The stylised photos are the painting's
 * blue and yellow dashes over the cup's and the arches' outlines. Their spectrum distance, 0.75 and
 * 0.85 decades, stays above the photos' own (0.27 and 0.56) and is not asserted: the dashes are
 * still coarser than a photo's fine detail.
 *
 * <p>Two things kept earlier runs smooth. With the painting at the photos' scale (style scale 2, 128
 * px), the network learns its coarse swirls first: after 400 steps the outputs were blobs with a mean
 * luminance gradient of 9-10 (the photos' 12-14, the painting's 27) and a gradient distance of
 * 1.37/1.11 of the photos', still 1.13/1.02 after 1600 steps of 32 px crops. The statistic is that
 * strict that the painting blurred by a 1 px Gaussian scores 15.5, above the coffee photo's 13.4.
 * And a network whose first output is black (PyTorch's initialisation) turns its 9x9 output kernel
 * into a box blur within 100 steps while lifting the mean colour; starting at the mean pixel
 * ({@code TransformerNet.initialWeights}) took this training from 1.30/1.19, 0.92/0.84 and 0.79/0.80
 * at 400, 800 and 1200 steps to the figures above.
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
    private static final int STEPS = 1200;
    /** Ten times PyTorch's 1e-3, for a run of a thousand steps rather than tens of thousands. */
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
                .steps(STEPS).batchSize(2).crop(CROP).size(SIZE)
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
            assertThat(styled.gradients()).as("%s: gradient distance, the photo's being %.2f", name,
                    photoItself.gradients()).isLessThan(photoItself.gradients());
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
