package io.github.nst4j.plan;

/** A rectangle of an image in pixels: columns {@code [x, x + width)}, rows {@code [y, y + height)}. */
public record Region(int x, int y, int width, int height) {
    /** Number of pixels. */
    public long area() {
        return (long) width * height;
    }

    /** One past the last column. */
    public int endX() {
        return x + width;
    }

    /** One past the last row. */
    public int endY() {
        return y + height;
    }

    @Override
    public String toString() {
        return width + "x" + height + "+" + x + "+" + y;
    }
}
