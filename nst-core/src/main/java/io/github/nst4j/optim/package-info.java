/**
 * Optimisers over the image: Adam and L-BFGS behind {@link io.github.nst4j.optim.ImageOptimizer},
 * the budgeted objective that counts, reports and remembers every evaluation, and the optimiser
 * state a run resumes from.
 *
 * <p>Adam is applied here, not through {@code SameDiff.fit()}: in DL4J 1.0.0-M2.1 {@code fit()} does
 * not compute the forward value of a loss variable whose backward pass does not need it, so it would
 * report every loss term as 0.
 */
package io.github.nst4j.optim;
