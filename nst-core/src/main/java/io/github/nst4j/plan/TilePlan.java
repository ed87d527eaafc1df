package io.github.nst4j.plan;

/**
 * How a pyramid level too large for memory is optimised: in passes over a grid of tiles whose
 * windows are at most {@code maxWindow} pixels on a side, the grid shifted by half a tile on every
 * other pass. A level's iterations are spread over the passes, so that every pixel gets about as
 * many optimisation steps as in a whole-image run.
 *
 * @param margin pixels each window reaches beyond its owned region (see {@link TileGrid#marginFor})
 * @param maxWindow the largest window side
 * @param passes passes over the image
 */
public record TilePlan(int margin, int maxWindow, int passes) {
    /** Steps per tile and pass above which another pass is added: each pass restarts the optimiser. */
    static final int STEPS_PER_PASS = 100;

    /** The plan for a level of {@code iterations} steps: at least two passes when there are two steps to share. */
    public static TilePlan of(int margin, int maxWindow, int iterations) {
        int passes = Math.min(iterations, Math.max(2, (int) Math.ceil(iterations / (double) STEPS_PER_PASS)));
        return new TilePlan(margin, maxWindow, passes);
    }

    /** The grid of pass {@code pass} (from 0) over a {@code width x height} image. */
    public TileGrid grid(int width, int height, int pass) {
        return TileGrid.of(width, height, margin, maxWindow, pass % 2 == 1);
    }

    /** The steps each tile gets in pass {@code pass} of a level of {@code iterations} steps. */
    public int iterations(int pass, int iterations) {
        return iterations / passes + (pass < iterations % passes ? 1 : 0);
    }

    /** The loss evaluations of the whole level: every tile of every pass. */
    public int evaluations(int width, int height, int iterations) {
        int total = 0;
        for (int pass = 0; pass < passes; pass++) {
            total += iterations(pass, iterations) * grid(width, height, pass).tiles().size();
        }
        return total;
    }
}
