package io.github.nst4j.tests.untrained;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nst4j.StyleTransfer;
import io.github.nst4j.StyleTransferBuilder;
import io.github.nst4j.examples.SampleImages;
import io.github.nst4j.image.Images;
import io.github.nst4j.network.VggLayer;
import io.github.nst4j.stats.Ssim;
import io.github.nst4j.stats.StyleDistance;
import io.github.nst4j.stats.StyleStatistics;
import io.github.nst4j.weights.WeightsSource;
import java.awt.image.BufferedImage;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Style transfer with untrained weights and their defaults moves a photo toward the painting by
 * statistics no network takes part in, and keeps the photo recognisable: the output's colour
 * distance to the style is at most half the photo's own, its gradient distance at most three
 * quarters, and the SSIM of its luminance against the photo's at least 0.2 (a texture of the same
 * painting scores 0.07 to 0.15, the photo itself 1; the transfers measured at 256 px 0.23 to 0.56,
 * the lowest a night photo whose dark sky became the painting's bright one, its buildings clear). The photo's own distances are taken at the output's
 * size. At 128 px and 100 steps; the 256 px figures are in nst-examples/BENCHMARKS.md.
 */
class UntrainedTransferTest {
    private static final int SIZE = 128;
    private static final int ITERATIONS = 100;
    private static final WeightsSource WEIGHTS = WeightsSource.untrained(42).cached();

    @ParameterizedTest
    @CsvSource({"tubingen.jpg, starry_night.jpg"})
    void movesThePhotoTowardThePaintingAndKeepsIt(String photo, String painting) {
        assertTransfer(photo, painting, StyleTransfer.builder());
    }

    /** Every sample photo with two sample paintings. */
    @Tag("evidence")
    @ParameterizedTest
    @CsvSource({"tubingen.jpg, the_scream.jpg", "chelsea.png, starry_night.jpg", "chelsea.png, the_scream.jpg",
        "coffee.png, starry_night.jpg", "coffee.png, the_scream.jpg", "golden_gate.jpg, starry_night.jpg",
        "golden_gate.jpg, the_scream.jpg", "hoovertowernight.jpg, starry_night.jpg",
        "hoovertowernight.jpg, the_scream.jpg"})
    void everyPhotoWithTwoPaintings(String photo, String painting) {
        assertTransfer(photo, painting, StyleTransfer.builder());
    }

    /**
     * The same holds coarse to fine; and tiled, where the style layers stop at block 3 to keep the
     * tiles small: three layers carry less of the painting's colours than five, so the tiled run's
     * colour bound is 0.6 of the photo's (measured 0.54), its gradient and SSIM bounds the same.
     */
    @Tag("evidence")
    @ParameterizedTest
    @CsvSource({"tiles", "scales"})
    void tilesAndScalesWorkWithTheseWeightsToo(String feature) {
        StyleTransferBuilder builder = StyleTransfer.builder();
        if (feature.equals("tiles")) {
            builder.styleLayers(Map.of(VggLayer.BLOCK1_CONV1, 1.0, VggLayer.BLOCK2_CONV1, 1.0, VggLayer.BLOCK3_CONV1, 1.0))
                    .tileSize(176);
            assertTransfer("tubingen.jpg", "starry_night.jpg", builder, 256, 0.6);
        } else {
            assertTransfer("tubingen.jpg", "starry_night.jpg", builder.levels(2), SIZE, 0.5);
        }
    }

    /**
     * Two styles split by complementary masks, left and right: each half ends nearer its own style's
     * colours than the other style's.
     */
    @Tag("evidence")
    @Test
    void masksGiveEachRegionItsStyle() {
        BufferedImage photo = Images.read(SampleImages.content("tubingen.jpg"));
        BufferedImage starry = Images.read(SampleImages.style("starry_night.jpg"));
        BufferedImage scream = Images.read(SampleImages.style("the_scream.jpg"));
        BufferedImage output = StyleTransfer.builder().content(photo).addStyle(starry).addStyle(scream)
                .addStyleMask(half(photo, true)).addStyleMask(half(photo, false)).size(SIZE).iterations(ITERATIONS)
                .weights(WEIGHTS).build().run().image();
        int w = output.getWidth() / 2;
        BufferedImage left = output.getSubimage(0, 0, w, output.getHeight());
        BufferedImage right = output.getSubimage(output.getWidth() - w, 0, w, output.getHeight());
        double leftToStarry = StyleStatistics.distance(starry, left).colour();
        double leftToScream = StyleStatistics.distance(scream, left).colour();
        double rightToStarry = StyleStatistics.distance(starry, right).colour();
        double rightToScream = StyleStatistics.distance(scream, right).colour();
        System.out.printf("colour distances: left to starry %.2f, to scream %.2f; right to starry %.2f, to scream %.2f%n",
                leftToStarry, leftToScream, rightToStarry, rightToScream);
        assertThat(leftToStarry).isLessThan(leftToScream);
        assertThat(rightToScream).isLessThan(rightToStarry);
    }

    /** White on the left (or right) half of an image the photo's shape, black elsewhere. */
    private static BufferedImage half(BufferedImage photo, boolean left) {
        BufferedImage mask = new BufferedImage(photo.getWidth(), photo.getHeight(), BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < mask.getHeight(); y++) {
            for (int x = 0; x < mask.getWidth(); x++) {
                boolean inLeft = x < mask.getWidth() / 2;
                mask.setRGB(x, y, inLeft == left ? 0xffffff : 0);
            }
        }
        return mask;
    }

    private static void assertTransfer(String photoName, String paintingName, StyleTransferBuilder builder) {
        assertTransfer(photoName, paintingName, builder, SIZE, 0.5);
    }

    /** @param colourShare the largest share of the photo's own colour distance the output may keep */
    private static void assertTransfer(String photoName, String paintingName, StyleTransferBuilder builder, int size,
            double colourShare) {
        BufferedImage photo = Images.read(SampleImages.content(photoName));
        BufferedImage painting = Images.read(SampleImages.style(paintingName));
        BufferedImage output = builder.content(photo).style(painting).size(size).iterations(ITERATIONS)
                .weights(WEIGHTS).build().run().image();
        BufferedImage photoAtOutputSize = Images.resize(photo, output.getWidth(), output.getHeight());
        StyleDistance result = StyleStatistics.distance(painting, output);
        StyleDistance photoItself = StyleStatistics.distance(painting, photoAtOutputSize);
        double ssim = Ssim.luminance(photo, output);
        System.out.printf("%s in %s: %s (the photo: %s), SSIM %.3f%n", photoName, paintingName, result, photoItself, ssim);
        assertThat(result.colour()).as("colour distance, the photo's being %.2f", photoItself.colour())
                .isLessThanOrEqualTo(colourShare * photoItself.colour());
        assertThat(result.gradients()).as("gradient distance, the photo's being %.2f", photoItself.gradients())
                .isLessThanOrEqualTo(0.75 * photoItself.gradients());
        assertThat(ssim).as("luminance SSIM against the photo").isGreaterThanOrEqualTo(0.2);
    }
}
