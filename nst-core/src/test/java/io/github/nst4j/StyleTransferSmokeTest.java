package io.github.nst4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nst4j.listener.LossValues;
import io.github.nst4j.weights.WeightsSource;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class StyleTransferSmokeTest {
    @Test
    void lossFallsOnSyntheticImages() {
        BufferedImage content = Synthetic.gradient(80, 48);
        BufferedImage style = Synthetic.stripes(64, 64);
        StyleTransferResult result = StyleTransfer.builder()
                .content(content).style(style).size(64).iterations(10)
                .weights(WeightsSource.random(1)).build()
                .run(e -> System.out.println(e.iteration() + " " + e.losses()));
        LossValues first = result.lossHistory().get(0);
        LossValues last = result.lossHistory().get(result.lossHistory().size() - 1);
        assertThat(last.total()).isLessThan(first.total());
        assertThat(result.image().getWidth()).isEqualTo(64);
        assertThat(result.image().getHeight()).isEqualTo(38);
    }

    @Test
    void listenerCanStopTheRunAndTheBestImageIsKept() {
        StyleTransferResult result = StyleTransfer.builder()
                .content(Synthetic.gradient(64, 48)).style(Synthetic.stripes(64, 64)).size(48).iterations(50)
                .weights(WeightsSource.random(1)).build()
                .run(e -> {
                    if (e.iteration() == 3) {
                        e.requestStop();
                    }
                });
        assertThat(result.stoppedEarly()).isTrue();
        assertThat(result.lossHistory()).hasSize(3);
        assertThat(result.bestIteration()).isBetween(1, 3);
        // The best loss is that of its iteration, or lower: the image after the last step is scored too.
        assertThat(result.bestLoss()).isLessThanOrEqualTo(result.lossHistory().get(result.bestIteration() - 1).total());
    }

    /** Freeing arrays at once instead of recycling them changes memory use, never the result. */
    @Test
    void lowMemoryGivesTheSameImageAndLosses() {
        StyleTransferResult recycled = smallRun(false);
        StyleTransferResult freed = smallRun(true);
        assertThat(freed.lossHistory()).isEqualTo(recycled.lossHistory());
        for (int y = 0; y < recycled.image().getHeight(); y++) {
            for (int x = 0; x < recycled.image().getWidth(); x++) {
                assertThat(freed.image().getRGB(x, y)).isEqualTo(recycled.image().getRGB(x, y));
            }
        }
    }

    private static StyleTransferResult smallRun(boolean lowMemory) {
        return StyleTransfer.builder()
                .content(Synthetic.gradient(64, 48)).style(Synthetic.stripes(64, 64)).size(48).iterations(4)
                .weights(WeightsSource.random(1)).lowMemory(lowMemory).build()
                .run(e -> { });
    }
}
