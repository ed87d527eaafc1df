/**
 * Fast style networks (Johnson, Alahi and Fei-Fei 2016, with Ulyanov et al.'s instance norm): a
 * feed-forward {@link io.github.nst4j.fast.TransformerNet} trained once per style by
 * {@link io.github.nst4j.fast.FastStyleTrainer} through the same frozen VGG19 losses as the Gatys
 * runs, then applied to any photo in one forward pass by {@link io.github.nst4j.fast.FastStyleModel},
 * whose file describes and checks itself. {@link io.github.nst4j.fast.StylizeOptions} add colour
 * preservation and tiles for outputs beyond a memory bound, equal to the whole image's output.
 */
package io.github.nst4j.fast;
