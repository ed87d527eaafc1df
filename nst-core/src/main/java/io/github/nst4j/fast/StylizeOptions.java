package io.github.nst4j.fast;

import io.github.nst4j.ColorPreservation;

/**
 * How {@link FastStyleModel#stylize(java.awt.image.BufferedImage, StylizeOptions)} renders an image.
 * Start from {@link #DEFAULTS} and change what you need:
 * {@code StylizeOptions.DEFAULTS.withColors(ColorPreservation.LUMINANCE).withMaxMemory(512L << 20)}.
 *
 * @param colors whether the output keeps the photo's colours: {@link ColorPreservation#LUMINANCE}
 *     keeps the photo's chroma under the output's luminance (YIQ), as the optimising path does after
 *     its last step; {@link ColorPreservation#HISTOGRAM} gives the output the photo's colour mean
 *     and covariance (the optimising path matches the style image's colours before it starts, which
 *     a trained network has no use for); {@link ColorPreservation#NONE} keeps the network's colours
 * @param maxMemoryBytes a bound on the network's activations, in bytes; an image that needs more
 *     ({@link FastStyleModel#workingBytes}) is rendered in tiles that fit, with the same result
 *     within one level per channel. 0 for no bound
 * @param tileSide the side of the tiles in pixels (a multiple of 4, or rounded down to one), to
 *     force tiling whatever the memory; 0 to tile only beyond {@code maxMemoryBytes}
 */
public record StylizeOptions(ColorPreservation colors, long maxMemoryBytes, int tileSide) {
    /** The network's colours, no memory bound, no tiles. */
    public static final StylizeOptions DEFAULTS = new StylizeOptions(ColorPreservation.NONE, 0, 0);

    /** @throws IllegalArgumentException for a null colour choice or a negative size */
    public StylizeOptions {
        if (colors == null) {
            throw new IllegalArgumentException("Colour preservation must be given (NONE for none)");
        }
        if (maxMemoryBytes < 0 || tileSide < 0) {
            throw new IllegalArgumentException("Maximum memory and tile side must be at least 0 (0 for none): "
                    + maxMemoryBytes + ", " + tileSide);
        }
    }

    /** These options with another colour preservation. */
    public StylizeOptions withColors(ColorPreservation newColors) {
        return new StylizeOptions(newColors, maxMemoryBytes, tileSide);
    }

    /** These options with another memory bound in bytes (0 for none). */
    public StylizeOptions withMaxMemory(long bytes) {
        return new StylizeOptions(colors, bytes, tileSide);
    }

    /** These options with another forced tile side in pixels (0 for none). */
    public StylizeOptions withTileSide(int side) {
        return new StylizeOptions(colors, maxMemoryBytes, side);
    }
}
