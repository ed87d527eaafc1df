package io.github.nst4j.workaround;

import java.util.List;
import org.nd4j.autodiff.loss.LossReduce;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code s · Σ (x − y)²} for two arrays of one shape and a constant scale {@code s}, in one op
 * (libnd4j's {@code mean_sqerr_loss} with {@code s} as its weight and a plain sum), with the
 * gradients {@code ±2·s·g·(x − y)}.
 *
 * <p>SameDiff's {@code squaredDifference(x, y).mean()} takes two ops forward and two backward: a
 * {@code reduce_mean_bp} that spreads the upstream scalar over a full-size array, then a
 * {@code squaredsubtract_bp} that writes both operands' gradients through libnd4j's broadcast path.
 * That pair was a noticeable part of a step for the content layer alone. Here the gradient is a
 * {@code subtract} and a {@code multiply} by a scalar, and the gradient for {@code y}, usually a
 * constant target, is only computed when something asks for it.
 *
 * <p>Registered under its own name, {@value #OP_NAME}; see {@link NativeOpAlias}.
 */
public class SquaredDistance extends AliasedCustomOp {
    /** The op's name in SameDiff graphs; not a libnd4j op. */
    public static final String OP_NAME = "nst4j_squared_distance";
    private static final String NATIVE_OP = "mean_sqerr_loss";
    /** libnd4j's loss reduction mode "weighted sum". */
    private static final int WEIGHTED_SUM = LossReduce.SUM.ordinal();

    static {
        NativeOpAlias.register(new SquaredDistance());
    }

    /** For SameDiff, which creates ops reflectively when it copies a graph. */
    public SquaredDistance() {
    }

    private SquaredDistance(SameDiff sameDiff, SDVariable x, SDVariable scale, SDVariable y) {
        // libnd4j's operand order: predictions, weights, labels.
        super(sameDiff, new SDVariable[] {x, scale, y});
        addIArgument(WEIGHTED_SUM);
    }

    /**
     * Adds {@code scale · Σ (x − y)²}, a scalar, to {@code sd}.
     *
     * @param scale for example {@code 1 / x.length()} for the mean
     */
    public static SDVariable apply(SameDiff sd, SDVariable x, SDVariable y, double scale) {
        SDVariable scaleVariable = sd.constant(Nd4j.scalar(x.dataType(), scale));
        return new SquaredDistance(sd, x, scaleVariable, y).outputVariable();
    }

    @Override
    public String opName() {
        return OP_NAME;
    }

    @Override
    String nativeOpName() {
        return NATIVE_OP;
    }

    /**
     * Gradients for {@code x} and {@code y}; the scale, a constant, gets zeros (an op that never runs,
     * as nothing asks for it).
     */
    @Override
    public List<SDVariable> doDiff(List<SDVariable> gradients) {
        SDVariable factor = gradients.get(0).mul(arg(1)).mul(2.0);
        SDVariable dx = arg(0).sub(arg(2)).mul(factor);
        return List.of(dx, sameDiff.zerosLike(arg(1)), dx.neg());
    }
}
