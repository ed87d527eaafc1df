package io.github.nst4j.fast;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The float buffers of {@link TransformerInference}'s activations, kept from one forward pass to the
 * next. A fresh native buffer costs a page fault per 4 KB on first touch (some 0.4 s of a
 * 1024x1024 pass); reused, it costs nothing. An array is laid on the smallest free buffer that
 * holds it, and new buffers are a little larger than asked ({@link #sizeClass}), so that the arena
 * stays near the pass's largest set of live arrays rather than the sum of all its shapes.
 */
final class ActivationArena implements AutoCloseable {
    private final List<DataBuffer> free = new ArrayList<>();
    /** Arrays handed out and not yet given back, to their buffers. */
    private final Map<INDArray, DataBuffer> taken = new IdentityHashMap<>();
    /** Buffers used since {@link #trim()}; the others are freed there. */
    private final Map<DataBuffer, Boolean> used = new IdentityHashMap<>();

    /** A C-order float array of this shape, uninitialised, on a free buffer or a new one. */
    INDArray take(long... shape) {
        long length = 1;
        for (long side : shape) {
            length *= side;
        }
        // By index: a DataBuffer's equals compares contents, element by element.
        int bestIndex = -1;
        for (int i = 0; i < free.size(); i++) {
            long available = free.get(i).length();
            if (available >= length && (bestIndex < 0 || available < free.get(bestIndex).length())) {
                bestIndex = i;
            }
        }
        DataBuffer best = bestIndex < 0 ? Nd4j.createUninitializedDetached(DataType.FLOAT, sizeClass(length)).data()
                : free.remove(bestIndex);
        used.put(best, Boolean.TRUE);
        INDArray array = Nd4j.create(best, shape, Nd4j.getStrides(shape, 'c'), 0, 'c', DataType.FLOAT);
        taken.put(array, best);
        return array;
    }

    /**
     * The length of a new buffer: {@code length} rounded up to 1, 1.25, 1.5 or 1.75 times a power of
     * two, so that arrays of nearly equal sizes (an activation and its padded copy) share buffers.
     */
    static long sizeClass(long length) {
        long power = Long.highestOneBit(Math.max(1, length));
        long quarter = Math.max(1, power / 4);
        return (length + quarter - 1) / quarter * quarter;
    }

    /** Takes back an array from {@link #take}; its contents may be overwritten from now on. */
    void give(INDArray array) {
        DataBuffer buffer = taken.remove(array);
        if (buffer == null) {
            throw new IllegalArgumentException("Not an array of this arena");
        }
        free.add(buffer);
    }

    /** Frees the free buffers that no array used since the last trim (those of another image size). */
    void trim() {
        free.removeIf(buffer -> {
            if (used.containsKey(buffer)) {
                return false;
            }
            buffer.close();
            return true;
        });
        used.clear();
    }

    /** Bytes of every buffer the arena holds. */
    long bytes() {
        long bytes = 0;
        for (DataBuffer buffer : free) {
            bytes += buffer.length() * Float.BYTES;
        }
        for (DataBuffer buffer : taken.values()) {
            bytes += buffer.length() * Float.BYTES;
        }
        return bytes;
    }

    /** Frees every buffer, given back or not. */
    @Override
    public void close() {
        free.forEach(DataBuffer::close);
        taken.values().forEach(DataBuffer::close);
        free.clear();
        taken.clear();
        used.clear();
    }
}
