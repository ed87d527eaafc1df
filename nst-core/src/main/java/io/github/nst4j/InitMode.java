package io.github.nst4j;

/** Where the optimisation starts. */
public enum InitMode {
    /** The content image itself: converges fastest and keeps the content's structure. */
    CONTENT,
    /** Seeded Gaussian noise, the paper's choice; needed when there is no content image. */
    NOISE
}
