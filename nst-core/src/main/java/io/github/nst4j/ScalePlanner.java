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
     * @param styleScale style long side as a fraction of each scale's output long side
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
                int styleLongSide = (int) Math.round(styleScale * size.longSide());
                ImageSize styleSize = new ImageSize(style.getWidth(), style.getHeight()).withLongSide(styleLongSide);
                checkSide(styleSize, "A style image at scale " + (i + 1), "use a larger style scale or size");
                styleSizes.add(styleSize);
            }
            scales.add(new Scale(size, styleSizes));
        }
        return scales;
    }

    private static void checkSide(ImageSize size, String what, String advice) {
        int minSide = FeatureNetwork.MIN_IMAGE_SIDE;
        StyleTransferBuilder.require(Math.min(size.width(), size.height()) >= minSide, what + " would be "
                + size + " px; VGG19 needs at least " + minSide + " px on each side (" + advice + ")");
    }
}
