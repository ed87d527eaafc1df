/**
 * {@code nst weights}: the pretrained weights' cache, listed, fetched ahead of time and verified; and
 * what every command shows of weights (download progress, a weights file's SHA-256).
 */
package io.github.nst4j.cli.weights;
