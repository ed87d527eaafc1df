package io.github.nst4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nst4j.error.InvalidSettingException;
import io.github.nst4j.network.VggLayer;
import io.github.nst4j.weights.WeightsSource;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A video frame's temporal target through the public builder: it pulls where its mask is white, only there. */
class TemporalTargetTest {
    private static final WeightsSource WEIGHTS = WeightsSource.random(5).cached();
    private static final int WIDTH = 64;
    private static final int HEIGHT = 48;

    @Test
    void theOutputFollowsTheWarpedFrameWhereTheMaskIsWhiteOnly() {
        BufferedImage gray = filled(new Color(128, 128, 128), WIDTH, HEIGHT);
        List<Double> temporalLosses = new ArrayList<>();
        StyleTransferResult result = StyleTransfer.builder()
                .content(Synthetic.gradient(WIDTH, HEIGHT)).style(Synthetic.stripes(WIDTH, HEIGHT))
                .size(WIDTH).iterations(20).weights(WEIGHTS)
                // Shallow layers only: the test is about the temporal term, which needs no deep features.
                .contentLayer(VggLayer.BLOCK2_CONV2)
                .styleLayers(Map.of(VggLayer.BLOCK1_CONV1, 1.0, VggLayer.BLOCK2_CONV1, 1.0))
                .temporalTarget(gray, leftHalfWhite(), 1e4)
                .build().run(event -> temporalLosses.add(event.losses().temporal()));

        assertThat(temporalLosses).allMatch(loss -> loss > 0);
        assertThat(temporalLosses.get(temporalLosses.size() - 1)).isLessThan(temporalLosses.get(0) / 2);
        double left = meanDistanceFromGray(result.image(), 0, WIDTH / 2);
        double right = meanDistanceFromGray(result.image(), WIDTH / 2, WIDTH);
        assertThat(left).isLessThan(right / 2);
    }

    @Test
    void aMaskOfAnotherSizeThanTheWarpedFrameIsRefused() {
        StyleTransferBuilder builder = StyleTransfer.builder()
                .content(Synthetic.gradient(WIDTH, HEIGHT)).style(Synthetic.stripes(WIDTH, HEIGHT)).size(WIDTH)
                .weights(WEIGHTS).temporalTarget(Synthetic.gradient(WIDTH, HEIGHT), Synthetic.gradient(32, 32), 1);
        assertThatThrownBy(builder::build).isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("temporal mask");
    }

    @Test
    void aNegativeTemporalWeightIsRefused() {
        StyleTransferBuilder builder = StyleTransfer.builder()
                .content(Synthetic.gradient(WIDTH, HEIGHT)).style(Synthetic.stripes(WIDTH, HEIGHT)).size(WIDTH)
                .weights(WEIGHTS).temporalTarget(Synthetic.gradient(WIDTH, HEIGHT), leftHalfWhite(), -1);
        assertThatThrownBy(builder::build).isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("temporal weight");
    }

    private static BufferedImage leftHalfWhite() {
        BufferedImage mask = filled(Color.BLACK, WIDTH, HEIGHT);
        Graphics2D graphics = mask.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, WIDTH / 2, HEIGHT);
        graphics.dispose();
        return mask;
    }

    private static BufferedImage filled(Color color, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(color);
        graphics.fillRect(0, 0, width, height);
        graphics.dispose();
        return image;
    }

    private static double meanDistanceFromGray(BufferedImage image, int fromX, int toX) {
        double sum = 0;
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = fromX; x < toX; x++) {
                int rgb = image.getRGB(x, y);
                sum += Math.abs(((rgb >> 16) & 0xFF) - 128) + Math.abs(((rgb >> 8) & 0xFF) - 128)
                        + Math.abs((rgb & 0xFF) - 128);
                count += 3;
            }
        }
        return sum / count;
    }
}
