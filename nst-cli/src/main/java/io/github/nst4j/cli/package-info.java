/**
 * The {@code nst} command line: {@link io.github.nst4j.cli.NstMain} wires one package per command
 * (transfer, bench, studio, train, apply, stats, weights) and the pieces they share (common).
 */
package io.github.nst4j.cli;
