package io.github.nst4j;

import io.github.nst4j.model.FeatureNetwork;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/** Turns the output size, the scales' long sides and the style scale into checked {@link Scale}s. */
final class ScalePlanner {
    private ScalePlanner() {
    }

    /**
     * @param output the final output size
     * @param longSides long side of each scale, coarse to fine, the last one the output's
     * @param styleImages the style images at their original size
     * @param styleScale style long side as a fraction of each scale's output long side (see
     *     {@link #styleSize} for the floor)
     * @throws NstException if an image of some scale would be smaller than VGG19 accepts
     */
    static List<Scale> plan(ImageSize output, List<Integer> longSides, List<BufferedImage> styleImages,
            double styleScale) {
        List<Scale> scales = new ArrayList<>();
        for (int i = 0; i < longSides.size(); i++) {
            boolean last = i == longSides.size() - 1;
            ImageSize size = last ? output : output.withLongSide(longSides.get(i));
            checkSide(size, "The output at scale " + (i + 1) + " of " + longSides.size(),
                    longSides.size() > 1 ? "use a larger start size or fewer scales" : "use a larger size");
            List<ImageSize> styleSizes = new ArrayList<>();
            for (BufferedImage style : styleImages) {
                styleSizes.add(styleSize(new ImageSize(style.getWidth(), style.getHeight()), styleScale * size.longSide()));
            }
            scales.add(new Scale(size, styleSizes));
        }
        return scales;
    }

    /**
     * The style's shape with the given long side, but never with a side below VGG19's minimum: a
     * wide painting at a coarse scale is enlarged just enough instead of being refused.
     */
    private static ImageSize styleSize(ImageSize original, double longSide) {
        ImageSize size = original.withLongSide((int) Math.round(longSide));
        int side = size.longSide();
        while (shortSide(original.withLongSide(side)) < FeatureNetwork.MIN_IMAGE_SIDE) {
            side++;
        }
        return original.withLongSide(side);
    }

    private static int shortSide(ImageSize size) {
        return Math.min(size.width(), size.height());
    }

    private static void checkSide(ImageSize size, String what, String advice) {
        int minSide = FeatureNetwork.MIN_IMAGE_SIDE;
        StyleTransferBuilder.require(Math.min(size.width(), size.height()) >= minSide, what + " would be "
                + size + " px; VGG19 needs at least " + minSide + " px on each side (" + advice + ")");
    }
}
