package io.github.nst4j.tile;

import io.github.nst4j.listener.LossValues;
import io.github.nst4j.plan.Region;

/**
 * One tile's optimisation within a pass.
 *
 * @param pass from 1
 * @param tile from 1, row by row
 * @param owned the region whose features it optimised
 * @param window the pixels the network saw
 * @param first the tile's losses at its first step
 * @param last its losses at its last evaluation, before the last step, whose image was written back
 */
public record TileResult(int pass, int tile, Region owned, Region window, LossValues first, LossValues last) {
}
