package io.github.nst4j.workaround;

import java.util.Collections;
import java.util.List;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * The identity forward; backward, the upstream gradient divided by its L1 norm (plus a small
 * epsilon) and multiplied by the weight of the loss term it serves: neural-style's
 * {@code -normalize_gradients}. Placed between a layer's activations and one loss term, it makes
 * that term pull with its weight whatever the magnitude of the network's features.
 *
 * <p>The upstream gradient already carries the term's weight {@code w} (the loss is {@code w·L}),
 * which the division removes; multiplying by {@code w} again keeps the weights meaningful, as
 * neural-style normalises before it applies a term's strength.
 *
 * <p>An op of its own for the same reason as the others (see {@link NativeOpAlias}); it executes as
 * libnd4j's {@code identity}, and the weight travels as its float argument.
 */
public class GradientNormalizer extends AliasedCustomOp {
    /** The op's name in SameDiff graphs; not a libnd4j op. */
    public static final String OP_NAME = "nst4j_gradient_normalizer";
    /**
     * Keeps a zero gradient zero. Far below neural-style's 1e-8: a style term's gradient scales with
     * the cube of the features' magnitude, and an epsilon near its L1 norm would undo the
     * normalisation for small features (still a normal number in float32).
     */
    static final double EPSILON = 1e-30;
    private static final String NATIVE_OP = "identity";
    private static final String NORM_SUFFIX = "_gradient_l1";

    static {
        NativeOpAlias.register(new GradientNormalizer());
    }

    /** For SameDiff, which creates ops reflectively when it copies a graph. */
    public GradientNormalizer() {
    }

    public GradientNormalizer(SameDiff sameDiff, SDVariable input, double weight) {
        super(sameDiff, new SDVariable[] {input});
        addTArgument(weight);
    }

    /**
     * Adds the identity of {@code input}, whose gradient is L1-normalised and scaled by
     * {@code weight}, to {@code sd}.
     */
    public static GradientNormalizer apply(SameDiff sd, SDVariable input, double weight) {
        return new GradientNormalizer(sd, input, weight);
    }

    /**
     * The name of the L1 norm (plus epsilon) of the gradient arriving at this op, a scalar of the
     * graph's gradient function: what a normalised term's loss is measured against.
     */
    public String gradientNormName() {
        return getOwnName() + NORM_SUFFIX;
    }

    @Override
    public String opName() {
        return OP_NAME;
    }

    @Override
    String nativeOpName() {
        return NATIVE_OP;
    }

    @Override
    public List<SDVariable> doDiff(List<SDVariable> gradients) {
        SDVariable gradient = gradients.get(0);
        SDVariable norm = sameDiff.math().abs(gradient).sum().add(getOwnName() + NORM_SUFFIX, EPSILON);
        return Collections.singletonList(gradient.div(norm).mul(tArguments.get(0)));
    }
}
