package io.github.nst4j.plan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TileGridTest {
    /**
     * Every pixel is owned by exactly one tile; kept regions contain their owned region and lie in the
     * window; each window stays within the limit, starts on the pooling grid, and reaches the margin
     * beyond its owned region wherever the image goes on.
     */
    @ParameterizedTest
    @CsvSource({"1024,768,86,400,false", "1024,768,86,400,true", "1000,700,38,200,false", "1000,700,38,200,true",
        "400,40,86,400,false", "4096,3072,86,1100,true"})
    void tilesPartitionTheImageWithinTheirWindows(int width, int height, int margin, int maxWindow, boolean shifted) {
        TileGrid grid = TileGrid.of(width, height, margin, maxWindow, shifted);
        int[] owners = new int[width * height];
        for (Tile tile : grid.tiles()) {
            Region owned = tile.owned();
            Region window = tile.window();
            assertThat(window.width()).isLessThanOrEqualTo(Math.max(maxWindow, width <= maxWindow ? width : 0));
            assertThat(window.height()).isLessThanOrEqualTo(Math.max(maxWindow, height <= maxWindow ? height : 0));
            assertThat(window.x() % TileGrid.ALIGNMENT).isZero();
            assertThat(window.y() % TileGrid.ALIGNMENT).isZero();
            assertThat(contains(tile.kept(), owned)).isTrue();
            assertThat(contains(window, tile.kept())).isTrue();
            assertThat(window.x() == 0 || owned.x() - window.x() >= margin).isTrue();
            assertThat(window.endX() == width || window.endX() - owned.endX() >= margin).isTrue();
            assertThat(window.y() == 0 || owned.y() - window.y() >= margin).isTrue();
            assertThat(window.endY() == height || window.endY() - owned.endY() >= margin).isTrue();
            for (int y = owned.y(); y < owned.endY(); y++) {
                for (int x = owned.x(); x < owned.endX(); x++) {
                    owners[y * width + x]++;
                }
            }
        }
        assertThat(owners).containsOnly(1);
    }

    /** A shifted grid moves every inner border, so that no seam of one pass is a seam of the next. */
    @ParameterizedTest
    @CsvSource({"1024,768,86,400", "4096,3072,86,1100"})
    void shiftedGridHasNoBorderInCommon(int width, int height, int margin, int maxWindow) {
        TileGrid plain = TileGrid.of(width, height, margin, maxWindow, false);
        TileGrid shifted = TileGrid.of(width, height, margin, maxWindow, true);
        assertThat(plain.tiles()).hasSizeGreaterThan(1);
        for (Tile a : plain.tiles()) {
            for (Tile b : shifted.tiles()) {
                assertThat(a.owned().x() == 0 || a.owned().x() != b.owned().x()).isTrue();
                assertThat(a.owned().y() == 0 || a.owned().y() != b.owned().y()).isTrue();
            }
        }
    }

    private static boolean contains(Region outer, Region inner) {
        return inner.x() >= outer.x() && inner.y() >= outer.y() && inner.endX() <= outer.endX()
                && inner.endY() <= outer.endY();
    }
}
