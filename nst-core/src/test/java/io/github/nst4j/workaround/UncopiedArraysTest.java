package io.github.nst4j.workaround;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A constant of a graph from {@link UncopiedArrays} costs no memory beyond its array; one of
 * {@link SameDiff#create()}'s costs a hidden copy. Native memory in use is read with
 * {@link MallocStats}, as ND4J's CPU arrays are allocated by libnd4j.
 */
class UncopiedArraysTest {
    private static final long ELEMENTS = 16L << 20;
    private static final long BYTES = ELEMENTS * Float.BYTES;

    @Test
    void aConstantIsTheArrayPassedInAndNoCopy() {
        INDArray kernel = Nd4j.rand(DataType.FLOAT, ELEMENTS);
        SameDiff sd = UncopiedArrays.newGraph();
        long before = MallocStats.inUseBytes();
        INDArray held = sd.constant("kernel", kernel).getArr();
        long growth = MallocStats.inUseBytes() - before;
        assertThat(held).isSameAs(kernel);
        assertThat(growth).as("native bytes allocated for a %d-byte constant", BYTES).isLessThan(BYTES / 16);
    }

    /** The workaround's check: when this fails, {@link SameDiff#create()} no longer copies constants. */
    @Test
    void sameDiffsOwnGraphCopiesEveryConstant() {
        INDArray kernel = Nd4j.rand(DataType.FLOAT, ELEMENTS);
        SameDiff sd = SameDiff.create();
        long before = MallocStats.inUseBytes();
        sd.constant("kernel", kernel);
        long growth = MallocStats.inUseBytes() - before;
        assertThat(growth).as("native bytes allocated for a %d-byte constant", BYTES).isGreaterThanOrEqualTo(BYTES);
    }
}
