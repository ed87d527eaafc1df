package io.github.nst4j.listener;

/**
 * A pyramid level that stopped before its iteration budget because the loss had stopped improving
 * (see {@code StyleTransferBuilder.tolerance}).
 *
 * @param level the level, from 1
 * @param iteration the last iteration of the level, numbered over the whole run from 1
 * @param improvement the relative fall of the best total loss over the last {@code window}
 *     iterations, below the tolerance
 * @param window how many iterations the improvement was measured over
 */
public record EarlyStop(int level, int iteration, double improvement, int window) {
}
