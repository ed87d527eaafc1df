package io.github.nst4j.tests.support;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Array helpers for the reference tests. Comparisons are done in float64 so that the comparison
 * itself adds no rounding error to what is measured.
 */
public final class Tensors {
    private Tensors() {
    }

    /**
     * A {@code [1, C, H, W]} FLOAT tensor of values uniform in {@code [low, high)}, drawn from a
     * {@link SplittableRandom} rather than ND4J's generator so the values depend on the seed alone.
     */
    public static INDArray uniform(long seed, long[] shape, double low, double high) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[Math.toIntExact(Arrays.stream(shape).reduce(1, Math::multiplyExact))];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextDouble(low, high);
        }
        return Nd4j.create(values, shape, DataType.FLOAT);
    }

    /** The largest absolute value of {@code a}. */
    public static double maxAbs(INDArray a) {
        return a.castTo(DataType.DOUBLE).amaxNumber().doubleValue();
    }

    /**
     * The largest absolute element-wise difference of two arrays of the same shape.
     *
     * @throws IllegalArgumentException if the shapes differ
     */
    public static double maxAbsDiff(INDArray actual, INDArray expected) {
        if (!Arrays.equals(actual.shape(), expected.shape())) {
            throw new IllegalArgumentException("Shapes differ: " + Arrays.toString(actual.shape()) + " vs "
                    + Arrays.toString(expected.shape()));
        }
        return actual.castTo(DataType.DOUBLE).sub(expected.castTo(DataType.DOUBLE)).amaxNumber().doubleValue();
    }

    /** {@code [1, C, H, W]} to a new {@code [1, H, W, C]} array, the layout the loss graph compares. */
    public static INDArray channelsLast(INDArray channelsFirst) {
        return channelsFirst.permute(0, 2, 3, 1).dup('c');
    }

    /** {@code |actual − expected| / |expected|}, or the absolute difference when {@code expected} is 0. */
    public static double relativeError(double actual, double expected) {
        double diff = Math.abs(actual - expected);
        return expected == 0 ? diff : diff / Math.abs(expected);
    }
}
