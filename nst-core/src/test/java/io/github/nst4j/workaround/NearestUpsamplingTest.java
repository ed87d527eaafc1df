package io.github.nst4j.workaround;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link NearestUpsampling} repeats each element over a 2x2 block and sums the block's gradient back
 * into it; SameDiff's channels-last {@code upsampling2d} gets that gradient wrong.
 */
class NearestUpsamplingTest {
    @Test
    void repeatsEachElementAndSumsItsBlocksGradient() {
        Result ours = run(NearestUpsampling::apply);

        assertThat(ours.output().equalsWithEps(expectedOutput(), 0)).isTrue();
        assertThat(ours.gradient().equalsWithEps(expectedGradient(), 1e-12)).isTrue();
    }

    /** The workaround's check: when this fails, SameDiff's channels-last gradient is right. */
    @Test
    void sameDiffsChannelsLastGradientIsWrong() {
        Result own = run((sd, x) -> sd.cnn().upsampling2d(x, 2, 2, false));

        assertThat(own.output().equalsWithEps(expectedOutput(), 0)).isTrue();
        assertThat(own.gradient().equalsWithEps(expectedGradient(), 1e-6)).isFalse();
    }

    private record Result(INDArray output, INDArray gradient) {
    }

    private static INDArray input() {
        return Nd4j.linspace(DataType.DOUBLE, 1, 2 * 3 * 4 * 5, 1).reshape(2, 3, 4, 5);
    }

    private static INDArray upstream() {
        return Nd4j.linspace(DataType.DOUBLE, 1, 2 * 6 * 8 * 5, 1).muli(0.01).reshape(2, 6, 8, 5);
    }

    /** Upsamples and differentiates {@code Σ output · upstream}. */
    private static Result run(BiFunction<SameDiff, SDVariable, SDVariable> upsampling) {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.var("x", input());
        SDVariable output = sd.updateVariableNameAndReference(upsampling.apply(sd, x), "output");
        output.mul(sd.constant(upstream())).sum("loss");
        sd.setLossVariables("loss");
        var result = sd.calculateGradientsAndOutputs(Map.of(), List.of("output"), List.of("x"));
        return new Result(result.getOutputs().get("output"), result.getGradients().get("x"));
    }

    private static INDArray expectedOutput() {
        INDArray x = input();
        INDArray expected = Nd4j.create(DataType.DOUBLE, 2, 6, 8, 5);
        for (int n = 0; n < 2; n++) {
            for (int i = 0; i < 6; i++) {
                for (int j = 0; j < 8; j++) {
                    for (int c = 0; c < 5; c++) {
                        expected.putScalar(new long[] {n, i, j, c}, x.getDouble(n, i / 2, j / 2, c));
                    }
                }
            }
        }
        return expected;
    }

    private static INDArray expectedGradient() {
        INDArray upstream = upstream();
        INDArray expected = Nd4j.zeros(DataType.DOUBLE, 2, 3, 4, 5);
        for (int n = 0; n < 2; n++) {
            for (int i = 0; i < 6; i++) {
                for (int j = 0; j < 8; j++) {
                    for (int c = 0; c < 5; c++) {
                        long[] at = {n, i / 2, j / 2, c};
                        expected.putScalar(at, expected.getDouble(at) + upstream.getDouble(n, i, j, c));
                    }
                }
            }
        }
        return expected;
    }
}
