package io.github.nst4j.cli.studio;

import io.github.nst4j.image.Images;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Turns the bytes of an upload into an image, or refuses them: what no image reader recognises is
 * not an image, and a picture whose pixel count would take too much memory once decoded (a
 * "decompression bomb" is a few kilobytes of PNG) is refused before it is decoded. Room for it in
 * the session's images is made before decoding too.
 */
final class UploadDecoder {
    /**
     * Largest upload, 50 MB: a 50-megapixel camera's JPEG is about 25 MB and a 24-megapixel PNG
     * about 40 MB, while the whole upload is held in memory until it is decoded.
     */
    static final int MAX_BYTES = 50 << 20;
    /** Largest decoded picture, 50 megapixels: 200 MB as 8-bit RGB. */
    static final long MAX_PIXELS = 50_000_000L;

    private UploadDecoder() {
    }

    /**
     * @param name the file's name as the browser gave it, only to name it in a refusal
     * @param images where the image will go: asked to make room for it before it is decoded
     * @throws Refusal if the bytes are not an image or the image is too large
     */
    static BufferedImage decode(byte[] bytes, String name, ImageStore images) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new Refusal(400, name + " is not an image: use a JPEG, PNG, BMP or GIF file");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new Refusal(413, String.format(Locale.ROOT,
                            "%s has %dx%d pixels, more than the %d megapixels the studio decodes: scale it down first",
                            name, reader.getWidth(0), reader.getHeight(0), MAX_PIXELS / 1_000_000));
                }
                images.makeRoom(name, reader.getWidth(0), reader.getHeight(0));
                return Images.toRgb(reader.read(0));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof Refusal refusal) {
                throw refusal;
            }
            throw new Refusal(400, name + " could not be read as an image (" + e.getMessage()
                    + "): it may be truncated or corrupt; re-export it as PNG or JPEG");
        }
    }
}
