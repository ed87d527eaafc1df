/**
 * Where VGG19's weights come from: the DL4J zoo (downloaded once and cached), a local file (the zoo
 * zip, Keras HDF5 or NumPy {@code .npz}), or random values for tests.
 */
package io.github.nst4j.weights;
