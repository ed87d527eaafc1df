package io.github.nst4j.image;

import io.github.nst4j.error.NstException;
import io.github.nst4j.storage.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes PNG or JPEG files, chosen by the file's extension. The image goes to a temporary file
 * beside the target first and is then moved into place, so a failure never leaves a truncated
 * image and an existing file is replaced only on success.
 */
public final class ImageWriter {
    private static final float JPEG_QUALITY = 0.95f;

    private ImageWriter() {
    }

    /** The output format for a file name: {@code "png"} or {@code "jpeg"}. */
    public static String formatOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) {
            return "png";
        }
        if (name.endsWith(".jpg") || name.endsWith(".jpeg")) {
            return "jpeg";
        }
        throw new NstException("Unsupported output format: " + file
                + " (name the output .png, .jpg or .jpeg)");
    }

    /**
     * Writes {@code image} to {@code file} atomically.
     *
     * @throws NstException if the format is unsupported or the file cannot be written
     */
    public static void write(BufferedImage image, Path file) {
        String format = formatOf(file);
        Path target = file.toAbsolutePath();
        Path directory = target.getParent();
        if (!Files.isDirectory(directory)) {
            throw new NstException("Output directory does not exist: " + directory
                    + " (create it or choose another output path)");
        }
        try {
            AtomicFiles.write(target, temp -> encode(image, format, temp));
        } catch (AccessDeniedException | NoSuchFileException e) {
            throw new NstException("Cannot write " + target + ": the directory is not writable"
                    + " (choose another output path)", e);
        } catch (IOException e) {
            throw new NstException("Cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    private static void encode(BufferedImage image, String format, Path temp) throws IOException {
        javax.imageio.ImageWriter writer = ImageIO.getImageWritersByFormatName(format).next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(temp.toFile())) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (format.equals("jpeg")) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            }
            // PNG keeps an alpha channel; JPEG has none, so transparency is composited over white.
            BufferedImage encoded = format.equals("png") && image.getColorModel().hasAlpha() ? image : Images.toRgb(image);
            writer.write(null, new IIOImage(encoded, null, null), param);
        } finally {
            writer.dispose();
        }
    }
}
