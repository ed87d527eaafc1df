/**
 * The {@code nst} command itself, a Gatys style transfer: its options, batch plans, progress lines,
 * checkpoints, resume checks and run records.
 */
package io.github.nst4j.cli.transfer;
