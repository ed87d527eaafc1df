/** The {@code nst} command: options, progress, records and the user's own benchmark, over the library's public API. */
package io.github.nst4j.cli;
