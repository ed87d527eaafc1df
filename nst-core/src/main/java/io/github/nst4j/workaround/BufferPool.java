package io.github.nst4j.workaround;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Native buffers released by one SameDiff step, kept for the next by data type and length.
 *
 * <p>SameDiff's own {@code ArrayCacheMemoryMgr} matches released arrays by shape. A step of the
 * style-transfer graph asks for many shapes of equal size ({@code [1, 512, 512, 64]} activations
 * and their {@code [262144, 64]} reshapes for the Gram matrices), so a shape-keyed cache holds
 * buffers of each; matching by length lets them share, which lowers the peak (figures in
 * nst-examples/BENCHMARKS.md).
 */
final class BufferPool implements AutoCloseable {
    private record Key(DataType type, long length) {
    }

    /** Smaller arrays are left to the C allocator, which reuses them without page faults anyway. */
    private static final long MIN_BYTES = 64 * 1024;

    private final Map<Key, ArrayDeque<DataBuffer>> free = new HashMap<>();
    /** Buffers in {@link #free}; identity, so that a buffer released twice is pooled once. */
    private final Set<DataBuffer> pooled = Collections.newSetFromMap(new IdentityHashMap<>());

    /** An array of this shape and order on a pooled buffer of its size, or on a new one. */
    INDArray take(DataType type, char order, long[] shape) {
        long length = 1;
        for (long side : shape) {
            length *= side;
        }
        if (length * type.width() < MIN_BYTES) {
            return Nd4j.createUninitializedDetached(type, order, shape);
        }
        ArrayDeque<DataBuffer> buffers = free.get(new Key(type, length));
        DataBuffer buffer = buffers == null ? null : buffers.pollLast();
        if (buffer == null) {
            return Nd4j.createUninitializedDetached(type, order, shape);
        }
        pooled.remove(buffer);
        return Nd4j.create(buffer, shape, Nd4j.getStrides(shape, order), 0, order, type);
    }

    /**
     * Keeps the buffer of an array nobody uses any more.
     *
     * @return false for an array whose buffer is not pooled (a small one, a view, or a buffer another
     *     array shares): the caller frees it instead
     */
    boolean give(INDArray array) {
        DataBuffer buffer = array.data();
        if (array.isView() || array.isEmpty() || buffer == null || buffer.length() != array.length()
                || array.length() * array.dataType().width() < MIN_BYTES
                || Nd4j.getExecutioner().useCount(buffer) > 1) {
            return false;
        }
        if (pooled.add(buffer)) {
            free.computeIfAbsent(new Key(array.dataType(), buffer.length()), key -> new ArrayDeque<>()).add(buffer);
        }
        return true;
    }

    /** Frees every pooled buffer. */
    @Override
    public void close() {
        for (DataBuffer buffer : pooled) {
            if (!buffer.wasClosed() && buffer.closeable()) {
                buffer.close();
            }
        }
        pooled.clear();
        free.clear();
    }
}
