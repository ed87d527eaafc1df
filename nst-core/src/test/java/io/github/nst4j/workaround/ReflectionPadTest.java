package io.github.nst4j.workaround;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.enums.PadMode;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.transforms.custom.Reverse;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link ReflectionPad} mirrors like PyTorch's {@code ReflectionPad2d} and sends the border's gradient
 * back to the pixels it copies, which SameDiff's own REFLECT {@code pad} does not.
 */
class ReflectionPadTest {
    private static final int PADDING = 2;
    private static final int HEIGHT = 4;
    private static final int WIDTH = 5;

    @Test
    void padsByReflectionWithTheMirroredGradient() {
        Nd4j.getRandom().setSeed(3);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 2, HEIGHT, WIDTH, 3);
        INDArray upstream = Nd4j.rand(DataType.DOUBLE, 2, HEIGHT + 2 * PADDING, WIDTH + 2 * PADDING, 3);

        Result ours = run(x, upstream, true);

        assertThat(ours.padded().equalsWithEps(mirrored(x), 0)).isTrue();
        assertThat(ours.gradient().equalsWithEps(mirroredGradient(upstream), 1e-12)).isTrue();
    }

    /** The workaround's check: when this fails, SameDiff's {@code pad} differentiates REFLECT itself. */
    @Test
    void sameDiffsOwnReflectPadLosesTheBordersGradient() {
        Nd4j.getRandom().setSeed(3);
        INDArray x = Nd4j.rand(DataType.DOUBLE, 1, HEIGHT, WIDTH, 1);
        INDArray upstream = Nd4j.rand(DataType.DOUBLE, 1, HEIGHT + 2 * PADDING, WIDTH + 2 * PADDING, 1);

        Result own = run(x, upstream, false);

        assertThat(own.padded().equalsWithEps(mirrored(x), 0)).isTrue();
        assertThat(own.gradient().equalsWithEps(mirroredGradient(upstream), 1e-6)).isFalse();
    }

    /**
     * The reason the border is not reversed with libnd4j's {@code reverse}: each call leaks native
     * memory, about 190 bytes per sub-array it reverses (here 64x64x16 of them, 12 MB a call), that no
     * Java object owns. When this fails, {@link ReflectionPad} may use {@code sd.reverse} again.
     */
    @Test
    @Tag("native-memory")
    void libnd4jsReverseLeaksNativeMemory() {
        assumeTrue(MallocStats.inUseBytes() >= 0, "needs glibc's mallinfo2 to see native memory");
        INDArray x = Nd4j.rand(DataType.FLOAT, 2, 64, 64, 16);
        INDArray reversed = x.ulike();
        Nd4j.exec(new Reverse(x, reversed, 0));
        long before = MallocStats.inUseBytes();
        for (int i = 0; i < 20; i++) {
            Nd4j.exec(new Reverse(x, reversed, 0));
        }
        long growth = MallocStats.inUseBytes() - before;

        assertThat(growth).isGreaterThan(20 * 64 * 64 * 16 * 100L);
    }

    private record Result(INDArray padded, INDArray gradient) {
    }

    /** Pads {@code x} and differentiates {@code Σ padded · upstream}. */
    private static Result run(INDArray x, INDArray upstream, boolean workaround) {
        SameDiff sd = SameDiff.create();
        SDVariable input = sd.var("x", x.dup());
        SDVariable padded = workaround ? ReflectionPad.apply(sd, input, PADDING)
                : sd.nn().pad(input, sd.constant(Nd4j.createFromArray(
                        new int[][] {{0, 0}, {PADDING, PADDING}, {PADDING, PADDING}, {0, 0}})), PadMode.REFLECT, 0);
        sd.updateVariableNameAndReference(padded, "padded");
        padded.mul(sd.constant(upstream)).sum("loss");
        sd.setLossVariables("loss");
        var result = sd.calculateGradientsAndOutputs(Map.of(), List.of("padded"), List.of("x"));
        return new Result(result.getOutputs().get("padded"), result.getGradients().get("x"));
    }

    private static INDArray mirrored(INDArray x) {
        INDArray padded = Nd4j.create(DataType.DOUBLE, x.size(0), HEIGHT + 2 * PADDING, WIDTH + 2 * PADDING, x.size(3));
        forEach(padded, (index, i, j) -> padded.putScalar(index, x.getDouble(at(index, i, j))));
        return padded;
    }

    private static INDArray mirroredGradient(INDArray upstream) {
        INDArray gradient = Nd4j.zeros(DataType.DOUBLE, upstream.size(0), HEIGHT, WIDTH, upstream.size(3));
        forEach(upstream, (index, i, j) -> {
            long[] source = at(index, i, j);
            gradient.putScalar(source, gradient.getDouble(source) + upstream.getDouble(index));
        });
        return gradient;
    }

    /** The input element a padded position copies. */
    private static long[] at(long[] paddedIndex, int i, int j) {
        return new long[] {paddedIndex[0], reflect(i - PADDING, HEIGHT), reflect(j - PADDING, WIDTH), paddedIndex[3]};
    }

    private static int reflect(int i, int size) {
        return i < 0 ? -i : i >= size ? 2 * (size - 1) - i : i;
    }

    private interface Visitor {
        void visit(long[] index, int i, int j);
    }

    private static void forEach(INDArray padded, Visitor visitor) {
        for (long n = 0; n < padded.size(0); n++) {
            for (int i = 0; i < padded.size(1); i++) {
                for (int j = 0; j < padded.size(2); j++) {
                    for (long c = 0; c < padded.size(3); c++) {
                        visitor.visit(new long[] {n, i, j, c}, i, j);
                    }
                }
            }
        }
    }
}
