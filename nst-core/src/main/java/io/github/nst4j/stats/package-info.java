/**
 * How far an image is from a style by measures no network takes part in: the distribution of its
 * colours, the power spectrum of its luminance and the distribution of its luminance gradients.
 * They tell a texture from a flat field whatever weights a run used, so results made with
 * different networks can be compared. {@link io.github.nst4j.stats.StyleStatistics} is the entry point.
 */
package io.github.nst4j.stats;
