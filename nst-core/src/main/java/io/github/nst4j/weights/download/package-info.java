/** Resumable, checksum-verified downloads of weights, with progress for a front end to show. */
package io.github.nst4j.weights.download;
