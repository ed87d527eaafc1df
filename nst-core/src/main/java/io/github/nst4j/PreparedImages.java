package io.github.nst4j;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * The images of a run at their original resolution, after colour preservation: the content the
 * loss compares with (its luminance in luminance mode), the content as given (for the chroma put
 * back), the style images (recoloured or made luminance), an optional start image and the styles'
 * masks (empty when the styles are not guided).
 */
record PreparedImages(BufferedImage content, BufferedImage originalContent, List<BufferedImage> styles,
        BufferedImage initImage, List<BufferedImage> styleMasks) {
    PreparedImages {
        styles = List.copyOf(styles);
        styleMasks = List.copyOf(styleMasks);
    }
}
