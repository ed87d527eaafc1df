package io.github.nst4j.workaround;

import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Reflection padding of the two spatial axes of a channels-last {@code [N, H, W, C]} array, as
 * PyTorch's {@code ReflectionPad2d}: {@code p} rows and columns mirrored about the edge, the edge
 * itself not repeated.
 *
 * <p>SameDiff's {@code pad} computes REFLECT padding forward, but its gradient is a plain slice of
 * the padded gradient, right only for constant padding: the gradient that flows into the mirrored
 * border never reaches the pixels it copies. Here the border is a reversed slice of the input and
 * the whole a concatenation, whose gradients SameDiff gets right. Slices count from the far edge
 * with negative indices, so the graph serves any input size.
 *
 * <p>The slice is reversed by concatenating its rows (or columns) in reverse order, not with
 * libnd4j's {@code reverse}: in 1.0.0-M2.1 that op and its gradient {@code reverse_bp} leak about
 * 190 bytes of native memory per sub-array on every call, which no Java object owns and so no
 * garbage collection or session memory gets back. Along the height of a {@code [N, p, W, C]}
 * border that is {@code N·W·C} sub-arrays; over the padded convolutions of a standard
 * {@code TransformerNet} at batch 4 and 256x256 it was some 850 MB a training step. A negative
 * stride in the slice itself would do without the concatenation, but crashes libnd4j's
 * {@code strided_slice}. Check: {@code ReflectionPadTest.libnd4jsReverseLeaksNativeMemory} fails.
 */
public final class ReflectionPad {
    private ReflectionPad() {
    }

    /**
     * Adds the padded array, {@code [N, H + 2p, W + 2p, C]}, to {@code sd}.
     *
     * @param padding {@code p}, at least 1 and less than both {@code H} and {@code W}
     */
    public static SDVariable apply(SameDiff sd, SDVariable x, int padding) {
        return mirror(sd, mirror(sd, x, 1, padding), 2, padding);
    }

    private static SDVariable mirror(SameDiff sd, SDVariable x, int axis, int padding) {
        SDVariable before = reversed(sd, x.get(along(axis, SDIndex.interval(1, padding + 1))), axis, padding);
        SDVariable after = reversed(sd, x.get(along(axis, SDIndex.interval(-padding - 1, -1))), axis, padding);
        return sd.concat(axis, before, x, after);
    }

    /**
     * {@code x}, of {@code size} along {@code axis}, in reverse order along it: its single rows
     * concatenated last to first (see the class comment for why not libnd4j's {@code reverse}). Each
     * row's gradient is as small as the border, not the size of the input.
     */
    private static SDVariable reversed(SameDiff sd, SDVariable x, int axis, int size) {
        if (size == 1) {
            return x;
        }
        SDVariable[] rows = new SDVariable[size];
        for (int i = 0; i < size; i++) {
            rows[i] = x.get(along(axis, SDIndex.interval(size - 1 - i, size - i)));
        }
        return sd.concat(axis, rows);
    }

    private static SDIndex[] along(int axis, SDIndex index) {
        SDIndex[] indices = {SDIndex.all(), SDIndex.all(), SDIndex.all(), SDIndex.all()};
        indices[axis] = index;
        return indices;
    }
}
