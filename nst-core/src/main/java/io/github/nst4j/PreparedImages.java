package io.github.nst4j;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;

/**
 * The images of a run at their original resolution, after colour preservation: the content the
 * loss compares with (its luminance in luminance mode), the content as given (for the chroma put
 * back), the style images (recoloured or made luminance), an optional start image, the styles'
 * masks (empty when the styles are not guided), and the alpha channels of a transparent content
 * (null when opaque) and of each style (empty where opaque).
 */
record PreparedImages(BufferedImage content, BufferedImage originalContent, List<BufferedImage> styles,
        BufferedImage initImage, List<BufferedImage> styleMasks, BufferedImage contentAlpha,
        List<Optional<BufferedImage>> styleAlphas) {
    PreparedImages {
        styles = List.copyOf(styles);
        styleMasks = List.copyOf(styleMasks);
        styleAlphas = List.copyOf(styleAlphas);
    }

    /** Opaque images. */
    PreparedImages(BufferedImage content, BufferedImage originalContent, List<BufferedImage> styles,
            BufferedImage initImage, List<BufferedImage> styleMasks) {
        this(content, originalContent, styles, initImage, styleMasks, null,
                styles.stream().map(style -> Optional.<BufferedImage>empty()).toList());
    }

    /** These images with the given alpha channels. */
    PreparedImages withAlpha(BufferedImage content, List<Optional<BufferedImage>> styles) {
        return new PreparedImages(this.content, originalContent, this.styles, initImage, styleMasks, content, styles);
    }
}
