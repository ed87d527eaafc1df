package io.github.nst4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.nst4j.error.DivergedException;
import io.github.nst4j.weights.WeightsSource;
import org.junit.jupiter.api.Test;

/** The advice for a loss that is not finite fits its cause. */
class DivergenceTest {
    @Test
    void aWeightTooLargeForFloatsIsNamedBeforeAnyStep() {
        DivergedException e = catchThrowableOfType(() -> StyleTransfer.builder().content(Synthetic.gradient(48, 48))
                .style(Synthetic.stripes(48, 48)).size(48).iterations(3).styleWeight(1e38)
                .weights(WeightsSource.random(3)).build().run(), DivergedException.class);

        assertThat(e.getMessage()).contains("style loss is infinite at iteration 1, before any step")
                .contains("style weight is too large").doesNotContain("learning rate");
        assertThat(e.bestImage()).as("no image was scored before").isNull();
    }
}
