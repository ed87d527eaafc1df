package io.github.nst4j.fast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import io.github.nst4j.ColorPreservation;
import io.github.nst4j.error.NstException;
import io.github.nst4j.image.ColorStatistics;
import io.github.nst4j.image.Luminance;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link FastStyleModel#stylize(BufferedImage, StylizeOptions)}: tiles, memory bound, colours, alpha. */
class FastStyleModelStylizeTest {
    private static final FastStyleModel MODEL = new FastStyleModel(TransformerInferenceTest.SMALL,
            TransformerInferenceTest.weights(TransformerInferenceTest.SMALL, 4), Map.of());

    /** Colour ramps with noise, 90x74: sides that are not multiples of 4. */
    private static BufferedImage photo(int type) {
        Random random = new Random(7);
        BufferedImage image = new BufferedImage(90, 74, type);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int alpha = type == BufferedImage.TYPE_INT_ARGB ? (x * 255 / 89) << 24 : 0xFF000000;
                image.setRGB(x, y, alpha | ((x * 2 + random.nextInt(40)) % 256) << 16
                        | ((y * 3 + random.nextInt(40)) % 256) << 8 | ((x + y) % 256));
            }
        }
        return image;
    }

    @Test
    void tilesGiveTheWholeImageWithinOneLevel() {
        BufferedImage photo = photo(BufferedImage.TYPE_INT_RGB);
        BufferedImage whole = MODEL.stylize(photo);
        // 40-pixel tiles: 2 by 3 over the image padded to 92x76.
        BufferedImage tiled = MODEL.stylize(photo, StylizeOptions.DEFAULTS.withTileSide(40));

        assertThat(ColorStatistics.of(whole).covariance()[1][1]).as("green variance").isGreaterThan(100);
        assertThat(maxChannelDifference(whole, tiled)).isLessThanOrEqualTo(1);
    }

    @Test
    void aMemoryBoundChoosesTheLargestTileThatFits() {
        // 400x300: a margin of 36 (the network's reach) on each side of a tile.
        long whole = MODEL.workingBytes(400, 300);
        long bound = whole / 3;
        int side = MODEL.tileSide(300, 400, bound);

        assertThat(MODEL.tileSide(300, 400, 0)).as("no bound").isZero();
        assertThat(MODEL.tileSide(300, 400, whole)).as("the whole image fits").isZero();
        assertThat(side % 4).isZero();
        assertThat(MODEL.workingBytes(side + 72, side + 72)).isLessThanOrEqualTo(bound);
        assertThat(MODEL.workingBytes(side + 76, side + 76)).isGreaterThan(bound);
        assertThatThrownBy(() -> MODEL.stylize(photo(BufferedImage.TYPE_INT_RGB),
                StylizeOptions.DEFAULTS.withMaxMemory(1024)))
                .isInstanceOf(NstException.class).hasMessageContaining("too small").hasMessageContaining("raise");
    }

    @Test
    void luminancePreservationKeepsThePhotosChroma() {
        BufferedImage photo = photo(BufferedImage.TYPE_INT_RGB);
        BufferedImage styled = MODEL.stylize(photo);
        BufferedImage kept = MODEL.stylize(photo, StylizeOptions.DEFAULTS.withColors(ColorPreservation.LUMINANCE));

        // YIQ back to 8-bit RGB rounds (and clamps out-of-gamut pixels): means within a level.
        assertThat(meanYiqDifference(kept, photo, 1)).as("I vs photo").isLessThan(1);
        assertThat(meanYiqDifference(kept, photo, 2)).as("Q vs photo").isLessThan(1);
        assertThat(meanYiqDifference(kept, styled, 0)).as("Y vs styled").isLessThan(1);
        assertThat(meanYiqDifference(styled, photo, 1) + meanYiqDifference(styled, photo, 2))
                .as("control: the network's chroma").isGreaterThan(5);
    }

    @Test
    void histogramPreservationGivesThePhotosColourMean() {
        BufferedImage photo = photo(BufferedImage.TYPE_INT_RGB);
        double[] photoMean = ColorStatistics.of(photo).mean();
        double[] styledMean = ColorStatistics.of(MODEL.stylize(photo)).mean();
        double[] keptMean = ColorStatistics.of(MODEL.stylize(photo,
                StylizeOptions.DEFAULTS.withColors(ColorPreservation.HISTOGRAM))).mean();

        for (int c = 0; c < 3; c++) {
            assertThat(keptMean[c]).as("channel " + c).isCloseTo(photoMean[c], offset(2.0));
        }
        assertThat(Math.abs(styledMean[0] - photoMean[0]) + Math.abs(styledMean[1] - photoMean[1])
                + Math.abs(styledMean[2] - photoMean[2])).as("control").isGreaterThan(10);
    }

    @Test
    void alphaIsKeptWithEveryOption() {
        BufferedImage photo = photo(BufferedImage.TYPE_INT_ARGB);
        BufferedImage styled = MODEL.stylize(photo, StylizeOptions.DEFAULTS.withColors(ColorPreservation.LUMINANCE));

        for (int x = 0; x < photo.getWidth(); x += 7) {
            assertThat(styled.getRGB(x, 5) >>> 24).isEqualTo(photo.getRGB(x, 5) >>> 24);
        }
    }

    private static int maxChannelDifference(BufferedImage a, BufferedImage b) {
        int max = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                for (int shift = 0; shift < 24; shift += 8) {
                    max = Math.max(max, Math.abs((a.getRGB(x, y) >> shift & 0xFF) - (b.getRGB(x, y) >> shift & 0xFF)));
                }
            }
        }
        return max;
    }

    private static double meanYiqDifference(BufferedImage a, BufferedImage b, int component) {
        double sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                sum += Math.abs(Luminance.yiq(a.getRGB(x, y))[component] - Luminance.yiq(b.getRGB(x, y))[component]);
            }
        }
        return sum / (a.getWidth() * a.getHeight());
    }
}
