/**
 * PyTorch checkpoints ({@code torch.save}'s {@code .pth} and {@code .pt}) read in Java: a pickle
 * reader that knows only the values a state dict holds and runs nothing, and the two file formats
 * around it. {@link io.github.nst4j.weights.torch.TorchCheckpoint} is the entry point.
 */
package io.github.nst4j.weights.torch;
