/**
 * What several commands share: exit codes, the {@code --weights} option, path options, lower-case
 * enum values, counted nouns, the version, and Ctrl-C handling.
 */
package io.github.nst4j.cli.common;
