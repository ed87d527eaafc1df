/** {@code nst train}: a fast style model trained for one style (or a blend) on a folder of photos. */
package io.github.nst4j.cli.train;
