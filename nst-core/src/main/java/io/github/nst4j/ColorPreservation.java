package io.github.nst4j;

/** Whether the output keeps the content image's colours (Gatys et al., "Preserving Color in Neural Artistic Style Transfer", 2016). */
public enum ColorPreservation {
    /** The output takes the style's colours. */
    NONE,
    /**
     * Transfer in luminance only: content and style become their luminance (the style's matched to
     * the content's mean and spread), and the output's luminance is combined with the content's
     * chroma (YIQ).
     */
    LUMINANCE,
    /** Before transfer, the style images' colours are matched to the content's mean and covariance. */
    HISTOGRAM
}
