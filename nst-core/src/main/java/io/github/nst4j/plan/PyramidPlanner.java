package io.github.nst4j.plan;

import io.github.nst4j.error.InvalidSettingException;
import io.github.nst4j.image.ImageSize;
import io.github.nst4j.network.FeatureNetwork;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/** Turns the output size, the levels' long sides and the style scale into checked {@link PyramidLevel}s. */
public final class PyramidPlanner {
    private PyramidPlanner() {
    }

    /**
     * Long sides of the levels, coarse to fine, ending with the output's: {@code levels} sides
     * growing by √2, or from {@code startSize} (when positive) growing by √2.
     */
    public static List<Integer> longSides(int outputLongSide, int levels, int startSize) {
        List<Integer> sides = new ArrayList<>();
        if (startSize > 0) {
            for (double side = startSize; side < outputLongSide - 0.5; side *= Math.sqrt(2)) {
                sides.add((int) Math.round(side));
            }
        } else {
            for (int i = levels - 1; i > 0; i--) {
                sides.add((int) Math.round(outputLongSide / Math.pow(Math.sqrt(2), i)));
            }
        }
        sides.add(outputLongSide);
        return sides;
    }

    /**
     * @param shape the image whose shape the output takes (for the smallest size that would work)
     * @param output the final output size
     * @param coarseSetting the setting that made the coarse levels ({@code levels} or {@code startSize}),
     *     named when one of them is too small
     * @param longSides long side of each level, coarse to fine, the last one the output's (see {@link #longSides})
     * @param styleImages the style images at their original size
     * @param styleScale style long side as a fraction of each level's output long side (see
     *     {@link #styleSize} for the floor)
     * @throws InvalidSettingException if the output of some level would be smaller than VGG19 accepts
     */
    public static List<PyramidLevel> plan(ImageSize shape, ImageSize output, String coarseSetting,
            List<Integer> longSides, List<BufferedImage> styleImages, double styleScale) {
        List<PyramidLevel> levels = new ArrayList<>();
        for (int i = 0; i < longSides.size(); i++) {
            boolean last = i == longSides.size() - 1;
            ImageSize size = last ? output : output.withLongSide(longSides.get(i));
            checkSide(size, longSides.size() == 1 ? "The output" : "The output at level " + (i + 1) + " of "
                    + longSides.size(), last ? "size" : coarseSetting, last ? "use a size of at least "
                    + smallestLongSide(shape, output.longSide()) : "use a larger start size or fewer levels");
            List<ImageSize> styleSizes = new ArrayList<>();
            for (BufferedImage style : styleImages) {
                styleSizes.add(styleSize(new ImageSize(style.getWidth(), style.getHeight()), styleScale * size.longSide()));
            }
            levels.add(new PyramidLevel(size, styleSizes));
        }
        return levels;
    }

    /**
     * The style's shape with the given long side, but never with a side below VGG19's minimum: a
     * wide painting at a coarse level is enlarged just enough instead of being refused.
     */
    private static ImageSize styleSize(ImageSize original, double longSide) {
        return original.withLongSide(smallestLongSide(original, (int) Math.round(longSide)));
    }

    private static int shortSide(ImageSize size) {
        return Math.min(size.width(), size.height());
    }

    /** The smallest long side from {@code side} up at which {@code shape} has a short side VGG19 accepts. */
    private static int smallestLongSide(ImageSize shape, int side) {
        while (shortSide(shape.withLongSide(side)) < FeatureNetwork.MIN_IMAGE_SIDE) {
            side++;
        }
        return side;
    }

    private static void checkSide(ImageSize size, String what, String setting, String advice) {
        int minSide = FeatureNetwork.MIN_IMAGE_SIDE;
        InvalidSettingException.require(shortSide(size) >= minSide, setting, what + " would be " + size
                + " px; VGG19 needs at least " + minSide + " px on its short side (" + advice + ")");
    }
}
