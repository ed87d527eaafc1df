package io.github.nst4j.image;

/** Width and height of an image in pixels. */
public record ImageSize(int width, int height) {
    /** The longer side. */
    public int longSide() {
        return Math.max(width, height);
    }

    /** This shape scaled so that its longer side is {@code longSide}, rounded to whole pixels. */
    public ImageSize withLongSide(int longSide) {
        double factor = (double) longSide / longSide();
        return new ImageSize(Math.max(1, (int) Math.round(width * factor)),
                Math.max(1, (int) Math.round(height * factor)));
    }

    @Override
    public String toString() {
        return width + "x" + height;
    }
}
