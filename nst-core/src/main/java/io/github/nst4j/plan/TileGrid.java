package io.github.nst4j.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * How an image too large for memory is cut into overlapping tiles: a grid of owned regions
 * (see {@link Tile}) whose windows are at most {@code maxWindow} pixels on each side. A shifted grid
 * moves every border by half a tile, so that alternate passes never put a seam in the same place.
 *
 * @param width image width
 * @param height image height
 * @param columns tiles per row
 * @param rows tiles per column
 * @param tiles row by row
 */
public record TileGrid(int width, int height, int columns, int rows, List<Tile> tiles) {
    /** Windows start on multiples of this, VGG19's largest pooling stride (four 2x2 poolings). */
    public static final int ALIGNMENT = 16;
    /** Width of the band shared by neighbouring kept regions, over which one fades into the other. */
    public static final int OVERLAP = 32;

    public TileGrid {
        tiles = List.copyOf(tiles);
    }

    /**
     * @param margin pixels the network must see beyond an owned region (see {@link #marginFor})
     * @param maxWindow the largest window side; the planner keeps it at least {@link #smallestWindow(int)}
     * @param shifted whether the borders lie half a tile away from those of the unshifted grid
     */
    public static TileGrid of(int width, int height, int margin, int maxWindow, boolean shifted) {
        // The planner asks for more (smallestWindow), so that windows own most of what they hold.
        if (maxWindow < geometricMinimum(margin)) {
            throw new IllegalArgumentException("Window " + maxWindow + " below " + geometricMinimum(margin));
        }
        List<int[]> columns = spans(width, margin, maxWindow, shifted);
        List<int[]> rows = spans(height, margin, maxWindow, shifted);
        List<Tile> tiles = new ArrayList<>();
        for (int[] row : rows) {
            for (int[] column : columns) {
                tiles.add(new Tile(tiles.size(), new Region(column[0], row[0], column[1], row[1]),
                        new Region(column[2], row[2], column[3], row[3]),
                        new Region(column[4], row[4], column[5], row[5])));
            }
        }
        return new TileGrid(width, height, columns.size(), rows.size(), tiles);
    }

    /**
     * The smallest window a grid allows: the margin on both sides, the overlap, the alignment slack
     * and an owned region at least as wide as both margins together. Every step of a window pays for
     * all its pixels but advances only those it owns; with a narrower owned region the margins would
     * multiply the work (at 16 px owned, a 236 px window did 200 times the work of its pixels).
     */
    public static int smallestWindow(int margin) {
        return Math.max(geometricMinimum(margin), 4 * margin + OVERLAP + ALIGNMENT);
    }

    /** The narrowest window that owns a pixel: the margins, the overlap and the alignment slack. */
    private static int geometricMinimum(int margin) {
        return 2 * margin + OVERLAP + 2 * ALIGNMENT;
    }

    /** The pixels a window needs beyond its owned region when the deepest layer used has this reach. */
    public static int marginFor(int layerReach) {
        return layerReach + ALIGNMENT;
    }

    /** Whether the image is one tile: it fits a window whole. */
    public boolean whole() {
        return tiles.size() == 1;
    }

    /**
     * Along one axis of {@code length} pixels: per span {owned start, owned length, kept start, kept
     * length, window start, window length}. The owned lengths are as even as can be and at most what
     * keeps each window within {@code maxWindow}.
     */
    private static List<int[]> spans(int length, int margin, int maxWindow, boolean shifted) {
        if (length <= maxWindow) {
            return List.<int[]>of(new int[] {0, length, 0, length, 0, length});
        }
        // The window adds the margin twice, the overlap and up to ALIGNMENT - 1 pixels of alignment.
        int maxOwned = maxWindow - 2 * margin - OVERLAP - ALIGNMENT;
        int count = (int) Math.ceil(length / (double) maxOwned);
        List<Integer> borders = new ArrayList<>();
        borders.add(0);
        for (int i = 1; i <= count; i++) {
            double border = shifted ? (i - 0.5) * length / count : i * (double) length / count;
            borders.add(i == count && !shifted ? length : (int) Math.round(border));
        }
        if (shifted) {
            borders.add(length);
        }
        List<int[]> spans = new ArrayList<>();
        for (int i = 0; i + 1 < borders.size(); i++) {
            int ownedStart = borders.get(i);
            int ownedEnd = borders.get(i + 1);
            int keptStart = Math.max(0, ownedStart - OVERLAP / 2);
            int keptEnd = Math.min(length, ownedEnd + OVERLAP / 2);
            int windowStart = Math.max(0, keptStart - margin) / ALIGNMENT * ALIGNMENT;
            int windowEnd = Math.min(length, keptEnd + margin);
            spans.add(new int[] {ownedStart, ownedEnd - ownedStart, keptStart, keptEnd - keptStart, windowStart,
                windowEnd - windowStart});
        }
        return spans;
    }
}
