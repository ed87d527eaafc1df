package io.github.nst4j.fast;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToLongFunction;
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
        int bestIndex = bestFit(free.size(), i -> free.get(i).length(), length);
        DataBuffer best = bestIndex < 0 ? Nd4j.createUninitializedDetached(DataType.FLOAT, sizeClass(length)).data()
                : free.remove(bestIndex);
        used.put(best, Boolean.TRUE);
        INDArray array = Nd4j.create(best, shape, Nd4j.getStrides(shape, 'c'), 0, 'c', DataType.FLOAT);
        taken.put(array, best);
        return array;
    }

    /** The index of the shortest of {@code count} free buffers that holds {@code length}, or -1. */
    private static int bestFit(int count, IntToLongFunction lengthAt, long length) {
        int best = -1;
        for (int i = 0; i < count; i++) {
            long available = lengthAt.applyAsLong(i);
            if (available >= length && (best < 0 || available < lengthAt.applyAsLong(best))) {
                best = i;
            }
        }
        return best;
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

    /**
     * The arena's choices on lengths alone, to know before a pass how large the arena will grow: the
     * same best fit, size classes and trimming, on buffers that are only their lengths.
     */
    static final class Simulation {
        /** A buffer: its length and whether it was used since the last trim. */
        private static final class Buffer {
            final long length;
            boolean used;

            Buffer(long length) {
                this.length = length;
            }
        }

        private final List<Buffer> free = new ArrayList<>();
        private final List<Buffer> all = new ArrayList<>();
        private long peakBytes;

        /** As {@link ActivationArena#take}, for an array of {@code length} elements. */
        Object take(long length) {
            int index = bestFit(free.size(), i -> free.get(i).length, length);
            Buffer buffer = index < 0 ? new Buffer(sizeClass(length)) : free.remove(index);
            if (index < 0) {
                all.add(buffer);
                peakBytes = Math.max(peakBytes, bytes());
            }
            buffer.used = true;
            return buffer;
        }

        /** As {@link ActivationArena#give}. */
        void give(Object buffer) {
            free.add((Buffer) buffer);
        }

        /** As {@link ActivationArena#trim}. */
        void trim() {
            free.removeIf(buffer -> !buffer.used && all.remove(buffer));
            all.forEach(buffer -> buffer.used = false);
        }

        /** The largest the arena has been, in bytes. */
        long peakBytes() {
            return peakBytes;
        }

        private long bytes() {
            return all.stream().mapToLong(buffer -> buffer.length * Float.BYTES).sum();
        }
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
