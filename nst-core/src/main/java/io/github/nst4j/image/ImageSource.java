package io.github.nst4j.image;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

/** An image given to a style transfer: a file read when the run is prepared, or pixels in memory. */
public sealed interface ImageSource permits ImageSource.File, ImageSource.InMemory {
    /** The image in {@code file} (JPEG, PNG, BMP or GIF). */
    static ImageSource of(Path file) {
        return new File(file);
    }

    /** The given pixels; the image is not copied until it is loaded. */
    static ImageSource of(BufferedImage image) {
        return new InMemory(image);
    }

    /** The image as decoded, with its alpha channel if it has one. */
    BufferedImage loadAsIs();

    /** The image as 8-bit RGB, transparency composited over white. */
    default BufferedImage load() {
        return Images.toRgb(loadAsIs());
    }

    /** An image file, decoded by {@link Images#decode}. */
    record File(Path path) implements ImageSource {
        @Override
        public BufferedImage loadAsIs() {
            return Images.decode(path);
        }
    }

    /** An image in memory. */
    record InMemory(BufferedImage image) implements ImageSource {
        @Override
        public BufferedImage loadAsIs() {
            return image;
        }
    }
}
