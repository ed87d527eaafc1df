package io.github.nst4j.workaround;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Constants of a graph from {@link UncopiedArrays} cost no memory beyond their arrays; those of
 * {@link SameDiff#create()} cost a hidden copy each. Native memory in use is read with
 * {@link MallocStats} (ND4J's CPU arrays are allocated by libnd4j), after earlier tests' arrays
 * are collected, over four 64 MB constants, so that arrays other threads free meanwhile do not
 * hide a copy.
 */
@Tag("native-memory")
class UncopiedArraysTest {
    private static final long ELEMENTS = 16L << 20;
    private static final long BYTES = ELEMENTS * Float.BYTES;
    private static final int CONSTANTS = 4;

    @Test
    void constantsAreTheArraysPassedInAndNoCopies() throws InterruptedException {
        List<INDArray> kernels = kernels();
        SameDiff sd = UncopiedArrays.newGraph();
        long growth = growthAdding(sd, kernels);
        for (int i = 0; i < CONSTANTS; i++) {
            assertThat(sd.getVariable("kernel" + i).getArr()).isSameAs(kernels.get(i));
        }
        assertThat(growth).as("native bytes allocated for %d constants of %d bytes", CONSTANTS, BYTES)
                .isLessThan(BYTES);
    }

    /** The workaround's check: when this fails, {@link SameDiff#create()} no longer copies constants. */
    @Test
    void sameDiffsOwnGraphCopiesEveryConstant() throws InterruptedException {
        long growth = growthAdding(SameDiff.create(), kernels());
        assertThat(growth).as("native bytes allocated for %d constants of %d bytes", CONSTANTS, BYTES)
                .isGreaterThanOrEqualTo((CONSTANTS - 1) * BYTES);
    }

    private static List<INDArray> kernels() {
        return Stream.generate(() -> Nd4j.rand(DataType.FLOAT, ELEMENTS)).limit(CONSTANTS).toList();
    }

    private static long growthAdding(SameDiff sd, List<INDArray> kernels) throws InterruptedException {
        System.gc();
        Thread.sleep(200); // ND4J frees collected arrays on a thread of its own
        long before = MallocStats.inUseBytes();
        for (int i = 0; i < kernels.size(); i++) {
            sd.constant("kernel" + i, kernels.get(i));
        }
        return MallocStats.inUseBytes() - before;
    }
}
