package io.github.nst4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nst4j.network.TestWeights;
import io.github.nst4j.network.Vgg19Weights;
import io.github.nst4j.weights.WeightsSource;
import java.awt.image.BufferedImage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * With normalised gradients the result is chosen by what the steps descend. A network whose
 * features are all 0.02 times smaller (as torch-convention weights' are) shrinks the content loss by
 * 0.02² and the style loss by 0.02⁴, so the raw total of the content photo itself is the lowest of
 * the run; chosen by it, the result would be the unchanged photo.
 */
class NormalizedResultTest {
    private static final Vgg19Weights WEIGHTS = TestWeights.random(7);
    private static final int ITERATIONS = 10;

    @ParameterizedTest
    @EnumSource(Optimizer.class)
    void smallFeaturesStillGiveTheOptimisedImage(Optimizer optimizer) {
        BufferedImage content = Synthetic.gradient(64, 64);
        StyleTransferResult result = StyleTransfer.builder().content(content).style(Synthetic.stripes(64, 64))
                .size(64).iterations(ITERATIONS).optimizer(optimizer).normalizeGradients(true)
                .weights(new WeightsSource() {
                    @Override
                    public Vgg19Weights load() {
                        return TestWeights.scaled(WEIGHTS, 0.02);
                    }

                    @Override
                    public String description() {
                        return "random, features x 0.02";
                    }
                }).build().run();

        assertThat(result.bestIteration()).as("the iteration returned").isGreaterThan(1);
        assertThat(meanAbsoluteDifference(result.image(), content)).as("mean change in 0-255 levels")
                .isGreaterThan(2);
        // The reported loss is the chosen iteration's, as the history has it.
        assertThat(result.bestLoss()).isEqualTo(result.lossHistory().get(result.bestIteration() - 1).total());
    }


    private static double meanAbsoluteDifference(BufferedImage a, BufferedImage b) {
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift <= 16; shift += 8) {
                    sum += Math.abs((p >> shift & 0xFF) - (q >> shift & 0xFF));
                }
            }
        }
        return sum / (3.0 * a.getWidth() * a.getHeight());
    }
}
