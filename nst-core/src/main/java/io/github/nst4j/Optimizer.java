package io.github.nst4j;

/** How the image is optimised. */
public enum Optimizer {
    /** Adam with a fixed learning rate: steady progress, little memory. */
    ADAM,
    /**
     * Limited-memory BFGS with a line search: usually a lower loss in fewer evaluations, at the
     * cost of keeping {@code 2·memory} image-sized arrays.
     */
    LBFGS
}
