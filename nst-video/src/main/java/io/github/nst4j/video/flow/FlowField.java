package io.github.nst4j.video.flow;

import java.awt.image.BufferedImage;

/**
 * Dense optical flow from one frame to another: pixel {@code (x, y)} of the first frame is seen at
 * {@code (x + dx, y + dy)} in the second. Displacements are in pixels, stored row by row.
 */
public final class FlowField {
    private final int width;
    private final int height;
    private final float[] dx;
    private final float[] dy;

    /**
     * @param dx horizontal displacement of each pixel, row by row, {@code width × height} values
     * @param dy vertical displacement of each pixel
     */
    public FlowField(int width, int height, float[] dx, float[] dy) {
        if (dx.length != width * height || dy.length != width * height) {
            throw new IllegalArgumentException("A " + width + "x" + height + " flow needs " + width * height
                    + " displacements per axis, got " + dx.length + " and " + dy.length);
        }
        this.width = width;
        this.height = height;
        this.dx = dx.clone();
        this.dy = dy.clone();
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Horizontal displacement of pixel {@code (x, y)}. */
    public float dx(int x, int y) {
        return dx[y * width + x];
    }

    /** Vertical displacement of pixel {@code (x, y)}. */
    public float dy(int x, int y) {
        return dy[y * width + x];
    }

    /**
     * The second frame's {@code image} brought into the first frame's geometry: each pixel takes the
     * colour {@code image} has where the flow says it went (bilinear, the border repeated outside).
     *
     * @param image a picture aligned with the second frame, of the flow's size
     */
    public BufferedImage warp(BufferedImage image) {
        if (image.getWidth() != width || image.getHeight() != height) {
            throw new IllegalArgumentException("A " + width + "x" + height + " flow cannot warp a "
                    + image.getWidth() + "x" + image.getHeight() + " image");
        }
        int[] source = image.getRGB(0, 0, width, height, null, 0, width);
        int[] warped = new int[source.length];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                warped[i] = bilinear(source, x + dx[i], y + dy[i]);
            }
        }
        BufferedImage result = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        result.setRGB(0, 0, width, height, warped, 0, width);
        return result;
    }

    /** Displacement {@code (dx, dy)} at a point between pixels (bilinear, the border repeated outside). */
    float[] displacementAt(double x, double y) {
        return new float[] {(float) bilinear(dx, x, y), (float) bilinear(dy, x, y)};
    }

    private double bilinear(float[] values, double x, double y) {
        double cx = clamp(x, width - 1);
        double cy = clamp(y, height - 1);
        int x0 = (int) Math.floor(cx);
        int y0 = (int) Math.floor(cy);
        int x1 = Math.min(x0 + 1, width - 1);
        int y1 = Math.min(y0 + 1, height - 1);
        double fx = cx - x0;
        double fy = cy - y0;
        double top = values[y0 * width + x0] * (1 - fx) + values[y0 * width + x1] * fx;
        double bottom = values[y1 * width + x0] * (1 - fx) + values[y1 * width + x1] * fx;
        return top * (1 - fy) + bottom * fy;
    }

    private int bilinear(int[] rgb, double x, double y) {
        double cx = clamp(x, width - 1);
        double cy = clamp(y, height - 1);
        int x0 = (int) Math.floor(cx);
        int y0 = (int) Math.floor(cy);
        int x1 = Math.min(x0 + 1, width - 1);
        int y1 = Math.min(y0 + 1, height - 1);
        double fx = cx - x0;
        double fy = cy - y0;
        int result = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            double top = (rgb[y0 * width + x0] >> shift & 0xFF) * (1 - fx) + (rgb[y0 * width + x1] >> shift & 0xFF) * fx;
            double bottom = (rgb[y1 * width + x0] >> shift & 0xFF) * (1 - fx) + (rgb[y1 * width + x1] >> shift & 0xFF) * fx;
            int channel = (int) Math.round(top * (1 - fy) + bottom * fy);
            result |= Math.max(0, Math.min(255, channel)) << shift;
        }
        return result;
    }

    private static double clamp(double value, int max) {
        return Math.max(0, Math.min(max, value));
    }
}
