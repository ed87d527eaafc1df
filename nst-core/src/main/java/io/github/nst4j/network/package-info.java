/**
 * The feature network: VGG19's convolutions as a SameDiff graph with frozen weights, its layers by
 * their zoo names, pooling, and the input conventions (Caffe, Torch) that map pixels to its input.
 */
package io.github.nst4j.network;
