package io.github.nst4j.weights.torch;

/**
 * A checkpoint nst4j will not or cannot read. The message completes "Cannot read the PyTorch
 * weights file F: ..." and so starts in lower case; {@link TorchCheckpoint} adds the file.
 */
final class TorchFormatException extends Exception {
    TorchFormatException(String message) {
        super(message);
    }
}
