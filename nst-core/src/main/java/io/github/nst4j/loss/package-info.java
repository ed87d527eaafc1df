/**
 * The objective, built symbolically in SameDiff: content loss, Gram matrices and style loss, total
 * variation, their targets, and the loss graph whose only variable is the image.
 */
package io.github.nst4j.loss;
