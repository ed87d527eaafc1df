package io.github.nst4j.cli.studio;

import io.github.nst4j.image.Images;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** PNG bytes of images the page shows: previews and thumbnails. */
final class Png {
    /** Long side of a thumbnail in pixels. */
    static final int THUMBNAIL_SIZE = 160;

    private Png() {
    }

    static byte[] encode(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("PNG encoding into memory failed", e);
        }
        return bytes.toByteArray();
    }

    /** A thumbnail, never larger than the image itself. */
    static byte[] thumbnail(BufferedImage image) {
        int longSide = Math.max(image.getWidth(), image.getHeight());
        return encode(longSide <= THUMBNAIL_SIZE ? image : Images.resizeLongSide(image, THUMBNAIL_SIZE));
    }
}
