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
        SDVariable before = sd.reverse(x.get(along(axis, SDIndex.interval(1, padding + 1))), axis);
        SDVariable after = sd.reverse(x.get(along(axis, SDIndex.interval(-padding - 1, -1))), axis);
        return sd.concat(axis, before, x, after);
    }

    private static SDIndex[] along(int axis, SDIndex index) {
        SDIndex[] indices = {SDIndex.all(), SDIndex.all(), SDIndex.all(), SDIndex.all()};
        indices[axis] = index;
        return indices;
    }
}
