package io.github.nst4j.plan;

import io.github.nst4j.image.ImageSize;
import java.util.List;

/**
 * One stage of a run: the size the image is optimised at, and the size each style image is
 * resized to before its Gram matrices are taken. A single-level run has one; a coarse-to-fine run
 * goes through several, each starting from the previous one's result.
 *
 * @param output the size of the image optimised at this level
 * @param styles the size of each style image, in the order given
 * @param tiles how the level is cut into tiles when it is too large to optimise whole; null when whole
 */
public record PyramidLevel(ImageSize output, List<ImageSize> styles, TilePlan tiles) {
    public PyramidLevel {
        styles = List.copyOf(styles);
    }

    /** A level optimised whole. */
    public PyramidLevel(ImageSize output, List<ImageSize> styles) {
        this(output, styles, null);
    }

    /** Whether the level is optimised in tiles. */
    public boolean tiled() {
        return tiles != null;
    }

    /** This level cut into tiles as {@code plan} says. */
    public PyramidLevel withTiles(TilePlan plan) {
        return new PyramidLevel(output, styles, plan);
    }

    /**
     * The grid the Grams of style {@code index} are taken over: one pass over the whole style image
     * for a whole level, windows no larger than the level's own for a tiled one.
     */
    public TileGrid styleGrid(int index) {
        ImageSize size = styles.get(index);
        return tiled() ? TileGrid.of(size.width(), size.height(), tiles.margin(), tiles.maxWindow(), false)
                : TileGrid.of(size.width(), size.height(), 0, Math.max(size.longSide(), TileGrid.smallestWindow(0)),
                        false);
    }

    /** Loss evaluations of this level when each tile (or the whole image) gets {@code iterations} steps. */
    public int evaluations(int iterations) {
        return tiled() ? tiles.evaluations(output.width(), output.height(), iterations) : iterations;
    }
}
