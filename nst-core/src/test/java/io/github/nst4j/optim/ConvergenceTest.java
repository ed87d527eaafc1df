package io.github.nst4j.optim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A level converges when the running best fell by less than the tolerance over the window. */
class ConvergenceTest {
    @Test
    void stopsOnlyOnceTheWindowShowsTooLittleImprovement() {
        Convergence convergence = new Convergence(0.01, 3);
        double[] best = {100, 90, 80, 79.5, 79.4, 79.3, 79.25};
        boolean[] reached = new boolean[best.length];
        for (int i = 0; i < best.length; i++) {
            convergence.add(best[i]);
            reached[i] = convergence.reached();
        }
        // Over the last 3: 100->79.5 (20%), 90->79.4 (12%), 80->79.3 (0.9%: stop), 79.5->79.25 (0.3%).
        assertThat(reached).containsExactly(false, false, false, false, false, true, true);
        assertThat(convergence.lastImprovement()).isCloseTo((79.5 - 79.25) / 79.5, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void zeroToleranceNeverStops() {
        Convergence convergence = new Convergence(0, 1);
        for (int i = 0; i < 10; i++) {
            convergence.add(5);
            assertThat(convergence.reached()).isFalse();
        }
    }
}
