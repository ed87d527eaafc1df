package io.github.nst4j.fast;

/**
 * The sizes of a {@link TransformerNet}: the channels of its three resolutions and the number of
 * residual blocks. A model file records them, so that it describes the network it holds.
 *
 * @param channels1 channels at full resolution (the 9x9 convolutions' side)
 * @param channels2 channels at half resolution
 * @param channels3 channels at quarter resolution, in the residual blocks
 * @param residualBlocks residual blocks at quarter resolution
 */
public record TransformerSize(int channels1, int channels2, int channels3, int residualBlocks) {
    /** Johnson et al.'s network, as PyTorch's fast_neural_style example builds it: 32, 64, 128, five blocks. */
    public static final TransformerSize STANDARD = new TransformerSize(32, 64, 128, 5);

    public TransformerSize {
        if (channels1 < 1 || channels2 < 1 || channels3 < 1 || residualBlocks < 0) {
            throw new IllegalArgumentException("Transformer sizes must be positive (residual blocks at least 0): "
                    + channels1 + ", " + channels2 + ", " + channels3 + ", " + residualBlocks);
        }
    }
}
