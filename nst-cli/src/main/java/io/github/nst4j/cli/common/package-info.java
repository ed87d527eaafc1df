/** What several commands share: the {@code --weights} option, path options, and Ctrl-C handling. */
package io.github.nst4j.cli.common;
