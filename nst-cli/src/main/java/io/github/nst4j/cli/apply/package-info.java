/** {@code nst apply}: photos stylised by a fast style model in one forward pass each. */
package io.github.nst4j.cli.apply;
