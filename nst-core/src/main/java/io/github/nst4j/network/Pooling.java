package io.github.nst4j.network;

/**
 * How the feature network downsamples between VGG19 blocks (2x2 windows, stride 2).
 *
 * <p>Gatys et al. replace VGG19's max pooling by average pooling because it gives smoother
 * gradients and visually better results; {@link #MAX} keeps the network as it was trained.
 */
public enum Pooling {
    /** Average pooling, the paper's choice and the default. */
    AVG,
    /** Max pooling, as in the original VGG19. */
    MAX
}
