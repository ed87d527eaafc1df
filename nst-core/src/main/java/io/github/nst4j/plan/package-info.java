/**
 * Planning a run before any pixel is optimised: the pyramid levels and their sizes, the memory
 * forecast that refuses what cannot fit, and the fingerprint that ties a resume state to its run.
 */
package io.github.nst4j.plan;
