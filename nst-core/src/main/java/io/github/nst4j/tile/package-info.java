/**
 * Images larger than memory allows, optimised and measured tile by tile: each tile's window of
 * pixels goes through the network with a margin wide enough that the features of the region it
 * owns are exactly those of the whole image, so that statistics summed over the owned regions
 * (Gram matrices, losses) equal the whole image's.
 */
package io.github.nst4j.tile;
