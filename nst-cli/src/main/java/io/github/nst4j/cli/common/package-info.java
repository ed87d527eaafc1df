/**
 * What several commands share: exit codes, the {@code --weights} option, path options, lower-case
 * enum values, counted nouns, the version, Ctrl-C handling, the flags behind the library's settings
 * ({@link io.github.nst4j.cli.common.SettingFlags}) and the check that no output overwrites an input
 * ({@link io.github.nst4j.cli.common.RunFiles}).
 */
package io.github.nst4j.cli.common;
