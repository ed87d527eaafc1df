/**
 * Where VGG19's weights come from: pretrained files downloaded once and kept compact (the DL4J zoo,
 * Keras' or torchvision's, tried in turn), a local file (the zoo zip, Keras HDF5, NumPy {@code .npz}
 * or a PyTorch state dict), untrained weights that still see style, or random values for tests.
 */
package io.github.nst4j.weights;
