/** Files nst4j writes: atomically (temporary file, then move) and as NumPy {@code .npz} archives. */
package io.github.nst4j.storage;
