package io.github.nst4j.stats;

/**
 * Three distances between an image and a style, each 0 for the style itself.
 *
 * @param colour mean over R, G and B of the 1-D Wasserstein distance between the two images' pixel
 *     values, in 0-255 levels
 * @param spectrum mean absolute difference between the radially averaged log10 power spectra of the
 *     two luminances, in decades
 * @param gradients 1-D Wasserstein distance between the two images' luminance gradient magnitudes, in
 *     levels
 */
public record StyleDistance(double colour, double spectrum, double gradients) {
    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "colour %.2f, spectrum %.3f, gradients %.2f", colour, spectrum,
                gradients);
    }
}
