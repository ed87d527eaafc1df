/**
 * nst4j's public API: {@link io.github.nst4j.StyleTransfer} and its builder, the result, the resume
 * state, the {@link io.github.nst4j.Defaults} and the enums that name the choices (mode, start image,
 * optimiser, colour preservation). The builder only collects settings; checking them, reading the
 * images and planning the run happen when it builds.
 */
package io.github.nst4j;
