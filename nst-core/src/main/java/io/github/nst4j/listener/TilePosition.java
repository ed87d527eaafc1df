package io.github.nst4j.listener;

/**
 * Where a step of a tiled level is: a level too large for memory is optimised in passes over a
 * grid of tiles.
 *
 * @param pass the pass over the image, from 1
 * @param passCount passes of the level
 * @param tile the tile within the pass, from 1, row by row
 * @param tileCount tiles of this pass (shifted grids have one more row and column)
 */
public record TilePosition(int pass, int passCount, int tile, int tileCount) {
}
