package io.github.nst4j.spark;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;

/** Small random images for the job's inputs, and pixel access to its outputs. */
final class TestImages {
    private TestImages() {
    }

    /** A random image in the format its name's extension says (png, jpg, ...). */
    static Path write(Path file, int width, int height, long seed) throws IOException {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        Files.createDirectories(file.getParent());
        String name = file.getFileName().toString();
        ImageIO.write(image, name.substring(name.lastIndexOf('.') + 1), file.toFile());
        return file;
    }

    static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    static int[] pixels(Path file) throws IOException {
        return pixels(ImageIO.read(file.toFile()));
    }
}
