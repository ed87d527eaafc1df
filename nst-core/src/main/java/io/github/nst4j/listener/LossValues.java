package io.github.nst4j.listener;

/**
 * The weighted loss terms of one iteration: each is already multiplied by its weight, so
 * {@code total = content + style + totalVariation + temporal}.
 *
 * @param content content weight × content loss
 * @param style style weight × Σ layer weight × style loss of the layer
 * @param totalVariation TV weight × total-variation loss
 * @param temporal temporal weight × temporal loss of a video frame (see
 *     {@link io.github.nst4j.StyleTransferBuilder#temporalTarget}); 0 for a still image
 */
public record LossValues(double content, double style, double totalVariation, double temporal) {
    /** The terms of a still image, which has no temporal term. */
    public LossValues(double content, double style, double totalVariation) {
        this(content, style, totalVariation, 0);
    }

    /** The objective being minimised. */
    public double total() {
        return content + style + totalVariation + temporal;
    }

    /** The term-by-term sum of these losses and {@code other}'s, e.g. over the images of a batch. */
    public LossValues plus(LossValues other) {
        return new LossValues(content + other.content, style + other.style, totalVariation + other.totalVariation,
                temporal + other.temporal);
    }

    /** Each term divided by {@code count}: the mean, when these are the sum of {@code count} losses. */
    public LossValues dividedBy(double count) {
        return new LossValues(content / count, style / count, totalVariation / count, temporal / count);
    }

    /** True when every term is a finite number (none is NaN or infinite). */
    public boolean isFinite() {
        return Double.isFinite(content) && Double.isFinite(style) && Double.isFinite(totalVariation)
                && Double.isFinite(temporal);
    }
}
