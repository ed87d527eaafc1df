package io.github.nst4j.plan;

/**
 * One tile of a {@link TileGrid}. Three nested rectangles of the whole image:
 *
 * @param index position in the grid, row by row, from 0
 * @param owned where this tile's features count in the loss and in whole-image statistics; the owned
 *     regions of a grid partition the image
 * @param kept the owned region widened by half the overlap on each inner side: the pixels written back,
 *     with weights that fade out towards the neighbours (feathering)
 * @param window the kept region widened by the margin, its origin aligned to VGG19's pooling grid: the
 *     pixels the network sees, so that zero padding at the window's edge does not reach the owned
 *     region's features
 */
public record Tile(int index, Region owned, Region kept, Region window) {
}
