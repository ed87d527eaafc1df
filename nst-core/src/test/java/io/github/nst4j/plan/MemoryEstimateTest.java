package io.github.nst4j.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nst4j.error.InvalidSettingException;
import org.junit.jupiter.api.Test;

/**
 * The memory model against peaks measured on whole and tiled runs (nst-examples/BENCHMARKS.md,
 * "Memory model"): it must not fall below any of them, nor lie more than a third above, so that a
 * budget neither fails a run nor forces tiles where the whole image fits.
 */
class MemoryEstimateTest {
    private static final long MIB = 1L << 20;
    private static final int SMALLEST_WINDOW = TileGrid.smallestWindow(TileGrid.marginFor(70));

    /** Measured peak resident sizes in MiB of whole runs (tubingen.jpg, random weights, 3 iterations). */
    @Test
    void wholeRunsAreForecastAboveAndNearTheirMeasuredPeaks() {
        int[][] measured = {{128, 96, 570}, {256, 192, 646}, {512, 384, 1091}, {768, 576, 1812}, {1024, 768, 2836}};
        for (int[] run : measured) {
            long forecast = MemoryEstimate.whole(run[0], run[1], 0, false);
            assertThat(forecast).as("%dx%d", run[0], run[1]).isGreaterThanOrEqualTo(run[2] * MIB)
                    .isLessThanOrEqualTo(run[2] * MIB * 4 / 3);
        }
    }

    @Test
    void tiledRunsAreForecastAboveTheirMeasuredPeaks() {
        // 768x576 in tiles of at most 400 px: 1456 MiB; 1024x768 in tiles of at most 640 px: 2248 MiB.
        assertThat(MemoryEstimate.tiled(768, 576, 400, 0, false)).isGreaterThanOrEqualTo(1456 * MIB)
                .isLessThan(MemoryEstimate.whole(768, 576, 0, false));
        assertThat(MemoryEstimate.tiled(1024, 768, 640, 0, false)).isGreaterThanOrEqualTo(2248 * MIB);
    }

    /** The cases that were refused or tiled for nothing: 128 px in 1 GB, 600 px in 2 GB. */
    @Test
    void imagesThatFitAreRunWhole() {
        assertThat(MemoryEstimate.fitsWhole(128, 96, 0, false, 1L << 30)).isTrue();
        assertThat(MemoryEstimate.fitsWhole(600, 450, 0, false, 2L << 30)).isTrue();
    }

    @Test
    void aBudgetTooSmallForAnyRunBlamesTheBudget() {
        assertThatThrownBy(() -> MemoryEstimate.budget(300 * MIB)).isInstanceOfSatisfying(
                InvalidSettingException.class, e -> assertThat(e.setting()).isEqualTo("maxMemory"))
                .hasMessageContaining("300 MB is too small for any run");
        assertThatThrownBy(() -> MemoryEstimate.checkTiled(2000, 1500, SMALLEST_WINDOW, 0, false, 645 * MIB))
                .isInstanceOfSatisfying(InvalidSettingException.class,
                        e -> assertThat(e.setting()).isEqualTo("maxMemory"))
                .hasMessageContaining("give a larger memory budget");
    }

    @Test
    void aSizeTooLargeForTheBudgetNamesOneThatFits() {
        long budget = 2L << 30;
        assertThatThrownBy(() -> MemoryEstimate.checkTiled(40000, 30000, SMALLEST_WINDOW, 0, false, budget))
                .isInstanceOfSatisfying(InvalidSettingException.class, e -> {
                    assertThat(e.setting()).isEqualTo("size");
                    int side = Integer.parseInt(e.getMessage().replaceAll(".*use a size of (\\d+) px.*", "$1"));
                    int height = side * 3 / 4;
                    assertThat(MemoryEstimate.largestWindow(side, height, 0, false, budget))
                            .isGreaterThanOrEqualTo(SMALLEST_WINDOW);
                });
    }

    /** An output within the smallest window is run whole: its need is the whole run's, not a tile's. */
    @Test
    void anOutputSmallerThanATileIsMeasuredWhole() {
        assertThatThrownBy(() -> MemoryEstimate.checkTiled(300, 225, SMALLEST_WINDOW, 0, false, 700 * MIB))
                .hasMessageContaining("does not fit in 700 MB of memory (it needs about 854 MB)")
                .hasMessageNotContaining("tiles");
    }

    @Test
    void sizesReadAsPeopleWriteThem() {
        assertThat(MemoryEstimate.size(100)).isEqualTo("1 MB");
        assertThat(MemoryEstimate.size(700 * MIB)).isEqualTo("700 MB");
        assertThat(MemoryEstimate.size(3L << 30)).isEqualTo("3.0 GB");
    }
}
