package io.github.nst4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nst4j.listener.EarlyStop;
import io.github.nst4j.weights.WeightsSource;
import org.junit.jupiter.api.Test;

/** With a tolerance, each level stops once its loss stalls, and the result says where and why. */
class ToleranceTest {
    private static final int ITERATIONS = 60;
    private static final double TOLERANCE = 0.1;

    @Test
    void stalledLevelsStopBeforeTheirBudgetsAndEachLevelHasItsOwn() {
        StyleTransferResult result = StyleTransfer.builder()
                .content(Synthetic.gradient(64, 48)).style(Synthetic.stripes(48, 48)).size(64).levels(2)
                .iterations(ITERATIONS).tolerance(TOLERANCE).toleranceWindow(10).weights(WeightsSource.random(4))
                .build().run();

        assertThat(result.earlyStops()).isNotEmpty();
        int levelStart = 0;
        int previousLevel = 0;
        for (EarlyStop stop : result.earlyStops()) {
            assertThat(stop.level()).isGreaterThan(previousLevel);
            assertThat(stop.improvement()).isLessThan(TOLERANCE);
            assertThat(stop.window()).isEqualTo(10);
            assertThat(stop.iteration()).isGreaterThan(levelStart + 10);
            previousLevel = stop.level();
            levelStart = stop.iteration();
        }
        EarlyStop last = result.earlyStops().get(result.earlyStops().size() - 1);
        // The run ends where its last early stop was, or after a full budget past the one before.
        assertThat(result.lossHistory().size()).isLessThan(2 * ITERATIONS);
        if (last.level() == 2) {
            assertThat(result.lossHistory()).hasSize(last.iteration());
        }
    }

    @Test
    void withoutAToleranceEveryLevelRunsItsBudget() {
        StyleTransferResult result = StyleTransfer.builder()
                .content(Synthetic.gradient(64, 48)).style(Synthetic.stripes(48, 48)).size(48).iterations(12)
                .weights(WeightsSource.random(4)).build().run();
        assertThat(result.earlyStops()).isEmpty();
        assertThat(result.lossHistory()).hasSize(12);
    }
}
