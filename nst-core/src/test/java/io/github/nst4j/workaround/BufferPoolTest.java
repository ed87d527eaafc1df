package io.github.nst4j.workaround;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class BufferPoolTest {
    @Test
    void aReleasedBufferServesAnyShapeOfItsSize() {
        try (BufferPool pool = new BufferPool()) {
            INDArray activations = pool.take(DataType.FLOAT, 'c', new long[] {1, 64, 32, 16});
            assertThat(pool.give(activations)).isTrue();

            INDArray reshaped = pool.take(DataType.FLOAT, 'c', new long[] {512, 64});
            assertThat(reshaped.data()).isSameAs(activations.data());
            assertThat(reshaped.shape()).containsExactly(512, 64);
            assertThat(reshaped.stride()).containsExactly(64, 1);

            // Another size gets a buffer of its own.
            assertThat(pool.take(DataType.FLOAT, 'c', new long[] {512, 32}).data()).isNotSameAs(activations.data());
        }
    }

    @Test
    void aBufferReleasedTwiceIsHandedOutOnce() {
        try (BufferPool pool = new BufferPool()) {
            INDArray array = pool.take(DataType.FLOAT, 'c', new long[] {256, 128});
            pool.give(array);
            pool.give(array);
            INDArray first = pool.take(DataType.FLOAT, 'c', new long[] {256, 128});
            INDArray second = pool.take(DataType.FLOAT, 'c', new long[] {256, 128});
            assertThat(first.data()).isSameAs(array.data());
            assertThat(second.data()).isNotSameAs(array.data());
        }
    }

    @Test
    void smallArraysAndViewsAreLeftToTheCaller() {
        try (BufferPool pool = new BufferPool()) {
            assertThat(pool.give(pool.take(DataType.FLOAT, 'c', new long[] {16, 16}))).isFalse();
            INDArray whole = pool.take(DataType.FLOAT, 'c', new long[] {256, 128});
            assertThat(pool.give(whole.getRow(3))).isFalse();
        }
    }
}
