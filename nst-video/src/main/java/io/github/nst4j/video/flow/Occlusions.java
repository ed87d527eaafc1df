package io.github.nst4j.video.flow;

/**
 * Where a flow can be trusted to carry a frame's pixels into the next, after Ruder, Dosovitskiy and
 * Brox (2016): a pixel of the current frame is left out when the flows forth and back disagree (it
 * was occluded in the previous frame, or disoccluded now), when it lies on a motion boundary, or
 * when it came from outside the previous frame.
 */
public final class Occlusions {
    private Occlusions() {
    }

    /**
     * The weights {@code c} of the current frame's pixels, row by row: 1 where the warp of the previous
     * frame holds, 0 elsewhere.
     *
     * @param backward flow from the current frame to the previous one ({@code ŵ}; it warps the previous frame here)
     * @param forward flow from the previous frame to the current one ({@code w})
     */
    public static float[] mask(FlowField backward, FlowField forward) {
        int width = backward.width();
        int height = backward.height();
        float[] mask = new float[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                float bx = backward.dx(x, y);
                float by = backward.dy(x, y);
                double px = x + bx;
                double py = y + by;
                boolean inside = px >= 0 && py >= 0 && px <= width - 1 && py <= height - 1;
                mask[y * width + x] = inside && consistent(bx, by, forward.displacementAt(px, py))
                        && !onMotionBoundary(backward, x, y) ? 1 : 0;
            }
        }
        return mask;
    }

    /** Back and then forth again should end where it started: {@code |ŵ + w̃|² ≤ 0.01(|ŵ|² + |w̃|²) + 0.5}. */
    private static boolean consistent(float bx, float by, float[] forth) {
        double sx = bx + forth[0];
        double sy = by + forth[1];
        double lengths = bx * bx + by * by + forth[0] * forth[0] + forth[1] * forth[1];
        return sx * sx + sy * sy <= 0.01 * lengths + 0.5;
    }

    /** A steep change of the flow: {@code |∇û|² + |∇v̂|² > 0.01|ŵ|² + 0.002} (central differences). */
    private static boolean onMotionBoundary(FlowField flow, int x, int y) {
        int left = Math.max(x - 1, 0);
        int right = Math.min(x + 1, flow.width() - 1);
        int up = Math.max(y - 1, 0);
        int down = Math.min(y + 1, flow.height() - 1);
        double spanX = Math.max(right - left, 1);
        double spanY = Math.max(down - up, 1);
        double uX = (flow.dx(right, y) - flow.dx(left, y)) / spanX;
        double uY = (flow.dx(x, down) - flow.dx(x, up)) / spanY;
        double vX = (flow.dy(right, y) - flow.dy(left, y)) / spanX;
        double vY = (flow.dy(x, down) - flow.dy(x, up)) / spanY;
        double u = flow.dx(x, y);
        double v = flow.dy(x, y);
        return uX * uX + uY * uY + vX * vX + vY * vY > 0.01 * (u * u + v * v) + 0.002;
    }
}
