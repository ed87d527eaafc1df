package io.github.nst4j;

/**
 * Default settings, shared by the API and the CLI so the two cannot drift apart. Weights and the
 * learning rate are those Johnson's neural-style uses with the same Caffe VGG19 weights and the
 * same loss normalisation (pixel values in 0-255 units).
 */
public final class Defaults {
    /** Long side of the output in pixels. */
    public static final int SIZE = 512;
    public static final int ITERATIONS = 500;
    public static final double CONTENT_WEIGHT = 5;
    public static final double STYLE_WEIGHT = 100;
    public static final double TV_WEIGHT = 1e-3;
    /** Adam's step size, and the largest pixel change of L-BFGS's first step, in 0-255 pixel units. */
    public static final double LEARNING_RATE = 10;
    /** Curvature pairs L-BFGS keeps, as in neural-style. */
    public static final int LBFGS_MEMORY = 100;
    /** Style images are resized to this fraction of the output's long side. */
    public static final double STYLE_SCALE = 1;
    public static final long SEED = 42;
    /**
     * Standard deviation of the Gaussian noise initialisation, in 0-255 pixel units around the
     * ImageNet mean colour: a visible white-noise image, as in the paper, rather than neural-style's
     * near-uniform grey (0.001), so that different seeds really start from different images.
     */
    public static final double NOISE_STDDEV = 50;

    private Defaults() {
    }
}
