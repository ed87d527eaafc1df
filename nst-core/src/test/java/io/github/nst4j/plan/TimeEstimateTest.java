package io.github.nst4j.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.nst4j.image.ImageSize;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The time forecast adds up the passes a run makes, from given unit costs. */
class TimeEstimateTest {
    private static final ImageSize UNIT = new ImageSize(100, 100);

    /**
     * A whole 200x100 level with a 100x100 style, 10 steps: the style's forward pass (1 s a unit), the
     * graph (3 s), the content's forward pass (2 units: 2 s) and 10 steps of 2 units at 0.5 s a unit.
     */
    @Test
    void wholeLevelCountsStyleGraphContentAndSteps() {
        PyramidLevel level = new PyramidLevel(new ImageSize(200, 100), List.of(UNIT));
        TimeEstimate estimate = TimeEstimate.of(List.of(level), 10, true,
                new TimeEstimate.UnitCosts(UNIT, 1, 0.5, 3));
        assertThat(estimate.total().toMillis() / 1000.0).isCloseTo(1 + 3 + 2 + 10, within(1e-3));
        TimeEstimate texture = TimeEstimate.of(List.of(level), 10, false, new TimeEstimate.UnitCosts(UNIT, 1, 0.5, 3));
        assertThat(texture.total().toMillis() / 1000.0).isCloseTo(1 + 3 + 10, within(1e-3));
    }

    /** In a tiled level every tile of every pass builds its own graph. */
    @Test
    void tiledLevelBuildsAGraphPerTileAndPass() {
        TilePlan plan = TilePlan.of(46, 240, 12);
        PyramidLevel level = new PyramidLevel(new ImageSize(600, 500), List.of(new ImageSize(600, 600)), plan);
        int graphs = 0;
        for (int pass = 0; pass < plan.passes(); pass++) {
            graphs += plan.grid(600, 500, pass).tiles().size();
        }
        TimeEstimate estimate = TimeEstimate.of(List.of(level), 12, true, new TimeEstimate.UnitCosts(UNIT, 0, 0, 2));
        assertThat(graphs).isGreaterThan(8);
        assertThat(estimate.total().toMillis() / 1000.0).isCloseTo(2.0 * graphs, within(1e-3));
    }

    /**
     * Steps cost by the pixels of each window: with the steps alone counted, the forecast lies between
     * the level's evaluations at the smallest window's cost and at the largest's.
     */
    @Test
    void tiledStepsCostByWindowPixels() {
        TilePlan plan = TilePlan.of(46, 240, 12);
        PyramidLevel level = new PyramidLevel(new ImageSize(600, 500), List.of(new ImageSize(600, 600)), plan);
        double stepPerPixel = 1e-4;
        TimeEstimate estimate = TimeEstimate.of(List.of(level), 12, true,
                new TimeEstimate.UnitCosts(UNIT, 0, stepPerPixel * UNIT.width() * UNIT.height(), 0));
        long smallest = Long.MAX_VALUE;
        long largest = 0;
        for (int pass = 0; pass < plan.passes(); pass++) {
            for (Tile tile : plan.grid(600, 500, pass).tiles()) {
                smallest = Math.min(smallest, tile.window().area());
                largest = Math.max(largest, tile.window().area());
            }
        }
        double seconds = estimate.total().toMillis() / 1000.0;
        int evaluations = level.evaluations(12);
        assertThat(seconds).isBetween(evaluations * smallest * stepPerPixel, evaluations * largest * stepPerPixel);
        assertThat(largest).isGreaterThan(smallest);
    }
}
