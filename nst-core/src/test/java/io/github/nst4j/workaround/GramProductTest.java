package io.github.nst4j.workaround;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.SameDiffOp;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link GramProduct} must compute SameDiff's {@code mmul(Xᵀ, X)} and give {@code X} the same
 * gradient, from one product instead of {@code matmul_bp} and an {@code add}.
 */
class GramProductTest {
    /** Relative tolerance, {@code ||gram - plain|| / ||plain||}, for float32 sums of ~50 products. */
    private static final double RELATIVE_TOLERANCE = 1e-5;

    @Test
    void matchesSameDiffsProductAndGradientWithOneProduct() {
        Nd4j.getRandom().setSeed(5);
        INDArray x = Nd4j.randn(DataType.FLOAT, 50, 6);
        // Not symmetric, so a gradient that forgot dPᵀ would differ.
        INDArray weights = Nd4j.randn(DataType.FLOAT, 6, 6);

        Result gram = run(true, x, weights);
        Result plain = run(false, x, weights);

        assertThat(relativeDifference(gram.product(), plain.product())).isLessThanOrEqualTo(RELATIVE_TOLERANCE);
        assertThat(relativeDifference(gram.gradient(), plain.gradient())).isLessThanOrEqualTo(RELATIVE_TOLERANCE);
        assertThat(plain.ops()).containsKey("matmul_bp");
        assertThat(gram.ops()).doesNotContainKey("matmul_bp");
    }

    private record Result(INDArray product, INDArray gradient, Map<String, Long> ops) {
    }

    /** {@code P = xᵀx}, and {@code d sum(P * weights) / dx}. */
    private static Result run(boolean gramProduct, INDArray input, INDArray weights) {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.var("x", input.dup());
        SDVariable p = gramProduct ? GramProduct.apply(sd, x) : sd.mmul(x, x, true, false, false);
        sd.updateVariableNameAndReference(p, "p");
        p.mul(sd.constant("weights", weights)).sum("loss");
        sd.setLossVariables("loss");
        var result = sd.calculateGradientsAndOutputs(Map.of(), List.of("p"), List.of("x"));
        Map<String, Long> ops = new TreeMap<>();
        for (SameDiffOp op : sd.getFunction("grad").getOps().values()) {
            ops.merge(op.getOp().opName(), 1L, Long::sum);
        }
        return new Result(result.getOutputs().get("p"), result.getGradients().get("x"), ops);
    }

    private static double relativeDifference(INDArray actual, INDArray expected) {
        return actual.castTo(DataType.DOUBLE).sub(expected.castTo(DataType.DOUBLE)).norm2Number().doubleValue()
                / expected.castTo(DataType.DOUBLE).norm2Number().doubleValue();
    }
}
