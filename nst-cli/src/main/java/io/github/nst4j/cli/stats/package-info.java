/** {@code nst stats}: how far images are from a style, by statistics no network takes part in. */
package io.github.nst4j.cli.stats;
