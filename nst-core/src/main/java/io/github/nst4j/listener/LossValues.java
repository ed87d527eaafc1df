package io.github.nst4j.listener;

/**
 * The weighted loss terms of one iteration: each is already multiplied by its weight, so
 * {@code total = content + style + totalVariation}.
 *
 * @param content content weight × content loss
 * @param style style weight × Σ layer weight × style loss of the layer
 * @param totalVariation TV weight × total-variation loss
 */
public record LossValues(double content, double style, double totalVariation) {
    /** The objective being minimised. */
    public double total() {
        return content + style + totalVariation;
    }

    /** True when every term is a finite number (none is NaN or infinite). */
    public boolean isFinite() {
        return Double.isFinite(content) && Double.isFinite(style) && Double.isFinite(totalVariation);
    }
}
