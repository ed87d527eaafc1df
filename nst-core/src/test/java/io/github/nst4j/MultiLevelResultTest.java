package io.github.nst4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nst4j.listener.LossValues;
import io.github.nst4j.weights.WeightsSource;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A coarse-to-fine run returns the best image of its last level: never the previous level's result
 * it starts from, and its iteration and loss as numbered in the history.
 */
class MultiLevelResultTest {
    private static final int ITERATIONS = 5;

    @Test
    void theResultIsTheLastLevelsOwnBest() {
        StyleTransferResult result = StyleTransfer.builder()
                .content(Synthetic.gradient(128, 96)).style(Synthetic.stripes(64, 64))
                .size(128).levels(3).iterations(ITERATIONS).learningRate(30).weights(WeightsSource.random(3))
                .build().run();

        List<LossValues> history = result.lossHistory();
        assertThat(history).hasSize(3 * ITERATIONS);
        int lastLevelStart = 2 * ITERATIONS;
        // Iteration lastLevelStart + 1 scores the upsampled level-2 image: not this level's work.
        assertThat(result.bestIteration()).isGreaterThan(lastLevelStart + 1).isLessThanOrEqualTo(3 * ITERATIONS);
        assertThat(result.image().getWidth()).isEqualTo(128);
        if (result.bestIteration() < history.size()) {
            assertThat(result.bestLoss()).isEqualTo(history.get(result.bestIteration() - 1).total());
        }
        double lastLevelBest = history.subList(lastLevelStart + 1, history.size()).stream()
                .mapToDouble(LossValues::total).min().orElseThrow();
        assertThat(result.bestLoss()).isLessThanOrEqualTo(lastLevelBest);
        // The case this guards: a large step first raises the loss, so the inherited start scores
        // lower than anything the last level reaches and would win a plain comparison.
        assertThat(history.get(lastLevelStart).total()).as("inherited start").isLessThan(lastLevelBest);
    }
}
