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
 * {@link SquaredDistance} must give SameDiff's {@code scale · sum(squaredDifference(x, y))} and the
 * same gradients for both operands, without libnd4j's {@code squaredsubtract_bp}.
 */
class SquaredDistanceTest {
    /** Relative tolerance for float32 sums of 60 squares and for the element-wise gradients. */
    private static final double RELATIVE_TOLERANCE = 1e-5;
    private static final double SCALE = 0.37;

    @Test
    void matchesSameDiffsValueAndGradientsOfBothOperands() {
        Nd4j.getRandom().setSeed(11);
        INDArray x = Nd4j.randn(DataType.FLOAT, 1, 3, 4, 5);
        INDArray y = Nd4j.randn(DataType.FLOAT, 1, 3, 4, 5);

        Result distance = run(true, x, y);
        Result plain = run(false, x, y);

        assertThat(relativeDifference(distance.value(), plain.value())).isLessThanOrEqualTo(RELATIVE_TOLERANCE);
        assertThat(relativeDifference(distance.dx(), plain.dx())).isLessThanOrEqualTo(RELATIVE_TOLERANCE);
        assertThat(relativeDifference(distance.dy(), plain.dy())).isLessThanOrEqualTo(RELATIVE_TOLERANCE);
        assertThat(plain.ops()).containsKey("squaredsubtract_bp");
        assertThat(distance.ops()).doesNotContainKey("squaredsubtract_bp")
                .as("the op survives SameDiff's copy of the graph").containsKey(SquaredDistance.OP_NAME);
    }

    private record Result(INDArray value, INDArray dx, INDArray dy, Map<String, Long> ops) {
    }

    /** {@code d} = the distance; the loss {@code 3·d} checks that the upstream gradient is applied. */
    private static Result run(boolean squaredDistance, INDArray xValue, INDArray yValue) {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.var("x", xValue.dup());
        SDVariable y = sd.var("y", yValue.dup());
        SDVariable d = squaredDistance ? SquaredDistance.apply(sd, x, y, SCALE)
                : sd.math().squaredDifference(x, y).sum().mul(SCALE);
        sd.updateVariableNameAndReference(d, "d");
        d.mul("loss", 3.0);
        sd.setLossVariables("loss");
        var result = sd.calculateGradientsAndOutputs(Map.of(), List.of("d"), List.of("x", "y"));
        Map<String, Long> ops = new TreeMap<>();
        for (SameDiffOp op : sd.getFunction("grad").getOps().values()) {
            ops.merge(op.getOp().opName(), 1L, Long::sum);
        }
        return new Result(result.getOutputs().get("d"), result.getGradients().get("x"),
                result.getGradients().get("y"), ops);
    }

    private static double relativeDifference(INDArray actual, INDArray expected) {
        return actual.castTo(DataType.DOUBLE).sub(expected.castTo(DataType.DOUBLE)).norm2Number().doubleValue()
                / expected.castTo(DataType.DOUBLE).norm2Number().doubleValue();
    }
}
