package io.github.nst4j.workaround;

import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.internal.InferenceSession;
import org.nd4j.autodiff.samediff.internal.memory.AbstractMemoryMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.LongShapeDescriptor;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Session memory for SameDiff runs that frees native arrays when they become garbage rather than
 * when the Java garbage collector gets round to them.
 *
 * <p>It reuses released arrays as SameDiff's own {@code ArrayCacheMemoryMgr} does, though by size
 * rather than by shape (see {@link BufferPool}), and in addition remembers every array it hands
 * out that the session has not released. In SameDiff
 * 1.0.0-M2.1 the session releases most intermediate arrays, but drops some without releasing them
 * (it clears its array-use tracker at the start of every run); on the style-transfer gradient
 * function about a fifth of a step's arrays. Their native
 * buffers are then freed only by a GC, and the Java heap of a run is so small (tens of MB) that a
 * GC may not come for many steps: resident memory grows step after step.
 *
 * <p>Released arrays are either recycled for later allocations of the same shape (fast: the next
 * step finds its arrays ready) or freed at once (low memory: resident memory stays near what the
 * step has live at any moment, but every array of every step is fresh memory the kernel must map
 * and zero), which is slower; nst-examples/BENCHMARKS.md has the figures.
 *
 * <p>Usage: {@link #install} on the SameDiff instance whose {@code output} is run (for a gradient
 * function, on that function's instance), then between runs {@link #freeDropped()}, and finally
 * {@link #close()}. Arrays the caller keeps from a run must be passed to {@link #keep} first,
 * unless they were allocated as outputs (SameDiff allocates requested outputs as such; an output
 * that merely forwards an intermediate array is not).
 */
public final class SessionMemory extends AbstractMemoryMgr {
    /** Released buffers kept for reuse; stays empty without recycling. */
    private final BufferPool pool = new BufferPool();
    private final boolean recycle;
    /** Non-output arrays handed out and not released since; identity, since SameDiff reassigns ids. */
    private final Set<INDArray> outstanding = Collections.newSetFromMap(new IdentityHashMap<>());

    private SessionMemory(boolean recycle) {
        this.recycle = recycle;
    }

    /**
     * Installs a new manager as the current thread's session memory of {@code sd}.
     *
     * @param recycle whether released arrays are kept for reuse (faster) or freed at once (less memory)
     */
    public static SessionMemory install(SameDiff sd, boolean recycle) {
        SessionMemory memory = new SessionMemory(recycle);
        memory.alsoFor(sd);
        return memory;
    }

    /**
     * Makes this manager the current thread's session memory of {@code sd} as well, so that runs
     * of either instance recycle each other's arrays. The runs must not overlap.
     */
    public void alsoFor(SameDiff sd) {
        InferenceSession session = new InferenceSession(sd);
        session.setMmgr(this);
        sd.getSessions().put(Thread.currentThread().getId(), session);
    }

    @Override
    public INDArray allocate(boolean detached, DataType dataType, long... shape) {
        return track(detached, pool.take(dataType, 'c', shape));
    }

    @Override
    public INDArray allocate(boolean detached, LongShapeDescriptor descriptor) {
        if (descriptor.isEmpty()) {
            return track(detached, Nd4j.create(descriptor).detach());
        }
        return track(detached, pool.take(descriptor.dataType(), descriptor.getOrder(), descriptor.getShape()));
    }

    private INDArray track(boolean output, INDArray array) {
        if (!output) {
            outstanding.add(array);
        }
        return array;
    }

    @Override
    public void release(INDArray array) {
        outstanding.remove(array);
        if (array.wasClosed()) {
            return;
        }
        if (!(recycle && pool.give(array)) && array.closeable()) {
            array.close();
        }
    }

    /** Excludes arrays the caller keeps after a run from {@link #freeDropped()} and {@link #close()}. */
    public void keep(Collection<INDArray> arrays) {
        arrays.forEach(outstanding::remove);
    }

    /**
     * Frees the arrays of finished runs that the session never released. Call only between runs.
     *
     * @return how many bytes were freed
     */
    public long freeDropped() {
        long bytes = 0;
        for (INDArray array : outstanding) {
            if (!array.wasClosed() && array.closeable()) {
                bytes += array.length() * array.dataType().width();
                array.close();
            }
        }
        outstanding.clear();
        return bytes;
    }

    /** Frees every array this manager still holds: the dropped ones and the cached ones. */
    @Override
    public void close() {
        freeDropped();
        pool.close();
    }
}
