package io.github.nst4j;

/** Where the optimisation starts; any of them can be blended with noise (see the builder's {@code initNoiseRatio}). */
public enum InitMode {
    /** The content image itself: converges fastest and keeps the content's structure. */
    CONTENT,
    /** Seeded Gaussian noise, the paper's choice; the only start for texture and content reconstruction by default. */
    NOISE,
    /** The (first) style image, resized to the output. */
    STYLE,
    /** An image file given with the builder's {@code initImage}, resized to the output. */
    IMAGE
}
