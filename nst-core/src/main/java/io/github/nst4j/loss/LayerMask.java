package io.github.nst4j.loss;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Where a loss term counts at one layer, and how its sum is normalised.
 *
 * @param weights {@code [1, H, W, 1]} at the layer's resolution of the graph's input, 0 (not here) to 1
 * @param wholeArea the sum of the weights over the whole image of which the graph's input may be a
 *     tile: a term over this mask is that share of the whole image's term
 */
public record LayerMask(INDArray weights, double wholeArea) {
    /** A mask that is the whole image. */
    public static LayerMask whole(INDArray weights) {
        return new LayerMask(weights, weights.sumNumber().doubleValue());
    }

    /** The sum of the weights. */
    public double area() {
        return weights.sumNumber().doubleValue();
    }

    /** The sum of the squared weights: what a Gram of masked features is normalised by. */
    public double squaredArea() {
        return weights.mul(weights).sumNumber().doubleValue();
    }
}
