package io.github.nst4j.image;

import io.github.nst4j.error.NstException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/** Reading, colour normalisation and resizing of images; everything becomes 8-bit sRGB. */
public final class Images {
    /**
     * What JPEG decoders warn of a damaged file: the JDK's "Premature end of JPEG file" and "Corrupt
     * JPEG data", TwelveMonkeys' "Truncated File - Missing EOI marker".
     */
    private static final Pattern DAMAGE_WARNING = Pattern.compile("(?i)premature end|truncat|corrupt|missing eoi");
    private static final List<String> EXTENSIONS = List.of(".jpg", ".jpeg", ".png", ".bmp", ".gif");

    private Images() {
    }

    /**
     * The JPEG, PNG, BMP and GIF files in {@code directory} (by extension, any case), sorted by
     * name; hidden files (a leading dot: {@code .DS_Store}, editors' {@code ._} copies) are not
     * inputs and are left out.
     *
     * @throws NstException if the directory cannot be listed
     */
    public static List<Path> inDirectory(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile).filter(file -> isInputImage(file.getFileName().toString()))
                    .sorted().toList();
        } catch (IOException e) {
            throw new NstException("Cannot list the directory " + directory + " (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Whether a file of this name is an input image of a directory: a JPEG, PNG, BMP or GIF by
     * extension (any case), and not hidden (no leading dot).
     */
    public static boolean isInputImage(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return !name.startsWith(".") && EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    /**
     * Reads a JPEG, PNG, BMP or GIF file as a 3-channel RGB image. Grayscale and palette images are
     * expanded to RGB; transparency is composited over white.
     *
     * @throws NstException if the file is missing, unreadable, empty or not a supported image
     */
    public static BufferedImage read(Path file) {
        return toRgb(decode(file));
    }

    /**
     * Reads a JPEG, PNG, BMP or GIF file as it is stored, with its alpha channel if it has one.
     *
     * @throws NstException if the file is missing, unreadable, empty or not a supported image
     */
    public static BufferedImage decode(Path file) {
        if (!Files.exists(file)) {
            throw new NstException("Image file not found: " + file + " (check the path)");
        }
        if (Files.isDirectory(file)) {
            throw new NstException("Expected an image file but got a directory: " + file);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return decode(in, file.toString());
        } catch (IOException e) {
            throw unreadable(file.toString(), e);
        }
    }

    /**
     * As {@link #decode(Path)}, from a stream the caller opened and closes (e.g. a file on a distributed
     * file system); {@code name} says which image it is in an error.
     *
     * @throws NstException if the stream cannot be read or is not a supported image
     */
    public static BufferedImage decode(InputStream in, String name) {
        // In memory: ImageIO's default stream cache writes a temporary file per image read.
        try (ImageInputStream stream = new MemoryCacheImageInputStream(in)) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
            if (!readers.hasNext()) {
                throw new NstException("Not a supported image: " + name + " (use a JPEG, PNG, BMP or GIF file)");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(stream, true, true);
                // Decoders report a cut-off or damaged file as a warning and hand back what they
                // decoded, filled with grey: an image that would be styled as if nothing were wrong.
                // Other warnings (a CMYK JPEG without a colour profile) leave the image usable.
                List<String> damage = new ArrayList<>();
                reader.addIIOReadWarningListener((source, warning) -> {
                    if (DAMAGE_WARNING.matcher(warning).find()) {
                        damage.add(warning);
                    }
                });
                BufferedImage image = reader.read(0, reader.getDefaultReadParam());
                if (!damage.isEmpty()) {
                    throw new NstException("Cannot read image " + name + ": " + damage.get(0)
                            + " (the file is truncated or corrupt; re-export it as PNG or JPEG)");
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof NstException nst) {
                throw nst;
            }
            throw unreadable(name, e);
        }
    }

    private static NstException unreadable(String name, Exception e) {
        return new NstException("Cannot read image " + name + ": " + e.getMessage()
                + " (the file is truncated or corrupt; re-export it as PNG or JPEG)", e);
    }

    /**
     * Converts any image to {@link BufferedImage#TYPE_INT_RGB}. Gray levels are copied as they are
     * stored (Java's own conversion would treat them as linear light and brighten them).
     */
    public static BufferedImage toRgb(BufferedImage image) {
        if (image.getType() == BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        int width = image.getWidth();
        int height = image.getHeight();
        BufferedImage rgb = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        if (image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY) {
            copyGray(image, rgb);
            return rgb;
        }
        Graphics2D g = rgb.createGraphics();
        try {
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.drawImage(image, 0, 0, null);
        } finally {
            g.dispose();
        }
        return rgb;
    }

    private static void copyGray(BufferedImage gray, BufferedImage rgb) {
        Raster raster = gray.getRaster();
        int bits = gray.getColorModel().getComponentSize(0);
        boolean hasAlpha = gray.getColorModel().hasAlpha();
        double maxValue = (1L << bits) - 1;
        for (int y = 0; y < gray.getHeight(); y++) {
            for (int x = 0; x < gray.getWidth(); x++) {
                double level = raster.getSample(x, y, 0) / maxValue;
                if (hasAlpha) {
                    double alpha = raster.getSample(x, y, 1) / maxValue;
                    level = level * alpha + (1 - alpha);
                }
                int v = (int) Math.round(level * 255);
                rgb.setRGB(x, y, (v << 16) | (v << 8) | v);
            }
        }
    }

    /**
     * Scales an image so that its longer side is {@code longSide} pixels, keeping the aspect ratio.
     * Shrinking halves the image step by step before the last bilinear step, which avoids the
     * aliasing of a single large bilinear reduction.
     */
    public static BufferedImage resizeLongSide(BufferedImage image, int longSide) {
        int width = image.getWidth();
        int height = image.getHeight();
        double scale = (double) longSide / Math.max(width, height);
        int targetWidth = Math.max(1, (int) Math.round(width * scale));
        int targetHeight = Math.max(1, (int) Math.round(height * scale));
        return resize(image, targetWidth, targetHeight);
    }

    /**
     * The largest centred part of {@code image} with the aspect ratio of {@code width x height}; the
     * image itself when it already has that ratio (to the pixel).
     */
    public static BufferedImage cropToAspect(BufferedImage image, int width, int height) {
        long scaledWidth = (long) image.getHeight() * width;
        long scaledHeight = (long) image.getWidth() * height;
        int cropWidth = scaledWidth < scaledHeight ? (int) Math.max(1, Math.round((double) scaledWidth / height))
                : image.getWidth();
        int cropHeight = scaledHeight < scaledWidth ? (int) Math.max(1, Math.round((double) scaledHeight / width))
                : image.getHeight();
        if (cropWidth == image.getWidth() && cropHeight == image.getHeight()) {
            return image;
        }
        return image.getSubimage((image.getWidth() - cropWidth) / 2, (image.getHeight() - cropHeight) / 2, cropWidth,
                cropHeight);
    }

    /** Scales an image to exactly {@code width x height} pixels (bilinear, stepwise when shrinking). */
    public static BufferedImage resize(BufferedImage image, int width, int height) {
        BufferedImage current = toRgb(image);
        if (current.getWidth() == width && current.getHeight() == height) {
            return current;
        }
        while (current.getWidth() / 2 >= width && current.getHeight() / 2 >= height) {
            current = draw(current, current.getWidth() / 2, current.getHeight() / 2);
        }
        return draw(current, width, height);
    }

    private static BufferedImage draw(BufferedImage source, int width, int height) {
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }
}
