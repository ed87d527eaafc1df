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

    /** The image as 8-bit RGB. */
    BufferedImage load();

    /** An image file, read by {@link Images#read}. */
    record File(Path path) implements ImageSource {
        @Override
        public BufferedImage load() {
            return Images.read(path);
        }
    }

    /** An image in memory, converted to RGB when loaded. */
    record InMemory(BufferedImage image) implements ImageSource {
        @Override
        public BufferedImage load() {
            return Images.toRgb(image);
        }
    }
}
