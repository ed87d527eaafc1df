package io.github.nst4j.tests.support;

import com.twelvemonkeys.imageio.color.ColorSpaces;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.w3c.dom.NodeList;

/**
 * Writes an RGB image as a four-channel JPEG the way Photoshop does: an Adobe APP14 marker, the ink
 * values stored inverted (255 = no ink), and no ICC profile. Such files are what the JDK's own
 * reader rejects and TwelveMonkeys reads.
 *
 * <p>The RGB to CMYK split is the naive one a reader without a profile inverts:
 * {@code K = 1 − max(R, G, B)}, {@code C = (max − R) / max} and so on, so that
 * {@code R = (1 − C)(1 − K)} exactly, before rounding and JPEG compression.
 *
 * <p>The JDK writer does not convert a raster's samples; for {@link Encoding#YCCK} this class
 * applies libjpeg's CMYK → YCCK transform itself (inverted C, M, Y as RGB → YCbCr; K unchanged)
 * and the file keeps the writer's default 2x2 subsampling of Y and K, like Photoshop's.
 */
public final class CmykJpegs {
    private static final String FORMAT = "javax_imageio_jpeg_image_1.0";

    /** The colour transform named by the APP14 marker. */
    public enum Encoding {
        /** Transform 0: the four inverted ink channels as they are, none subsampled. */
        CMYK(0),
        /** Transform 2: inverted C, M, Y coded as YCbCr, plus inverted K. */
        YCCK(2);

        private final int adobeTransform;

        Encoding(int adobeTransform) {
            this.adobeTransform = adobeTransform;
        }
    }

    private CmykJpegs() {
    }

    /** Writes {@code rgb} to {@code file} as a CMYK or YCCK JPEG of the given quality (0-1). */
    public static void write(BufferedImage rgb, Path file, Encoding encoding, float quality) throws IOException {
        ImageWriter writer = jdkWriter();
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            IIOMetadata metadata = metadata(writer, param, encoding);
            try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(samples(rgb, encoding), null, metadata), param);
            }
        } finally {
            writer.dispose();
        }
    }

    private static Raster samples(BufferedImage rgb, Encoding encoding) {
        int width = rgb.getWidth();
        int height = rgb.getHeight();
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width, height, 4, null);
        int[] stored = new int[4];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int pixel = rgb.getRGB(x, y);
                int r = pixel >> 16 & 0xff;
                int g = pixel >> 8 & 0xff;
                int b = pixel & 0xff;
                int max = Math.max(r, Math.max(g, b));
                // Inverted ink: 255 - ink. For C that is 255 - 255 (max - r) / max = 255 r / max.
                stored[0] = max == 0 ? 255 : Math.round(255f * r / max);
                stored[1] = max == 0 ? 255 : Math.round(255f * g / max);
                stored[2] = max == 0 ? 255 : Math.round(255f * b / max);
                stored[3] = max; // 255 - K with K = 255 - max
                if (encoding == Encoding.YCCK) {
                    toYcc(stored);
                }
                raster.setPixel(x, y, stored);
            }
        }
        return raster;
    }

    /** libjpeg's cmyk_ycck_convert: (255 − C', 255 − M', 255 − Y') goes through the JFIF YCbCr matrix. */
    private static void toYcc(int[] sample) {
        double r = 255 - sample[0];
        double g = 255 - sample[1];
        double b = 255 - sample[2];
        sample[0] = clamp(0.299 * r + 0.587 * g + 0.114 * b);
        sample[1] = clamp(-0.168736 * r - 0.331264 * g + 0.5 * b + 128);
        sample[2] = clamp(0.5 * r - 0.418688 * g - 0.081312 * b + 128);
    }

    private static int clamp(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }

    /** The writer's defaults for a CMYK image (APP14 with transform 2, no JFIF), set to the encoding. */
    private static IIOMetadata metadata(ImageWriter writer, ImageWriteParam param, Encoding encoding)
            throws IOException {
        ImageTypeSpecifier cmyk = ImageTypeSpecifier.createInterleaved(
                ColorSpaces.getColorSpace(ColorSpaces.CS_GENERIC_CMYK), new int[] {0, 1, 2, 3},
                DataBuffer.TYPE_BYTE, false, false);
        IIOMetadata metadata = writer.getDefaultImageMetadata(cmyk, param);
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(FORMAT);
        ((IIOMetadataNode) root.getElementsByTagName("app14Adobe").item(0))
                .setAttribute("transform", Integer.toString(encoding.adobeTransform));
        if (encoding == Encoding.CMYK) {
            NodeList components = root.getElementsByTagName("componentSpec");
            for (int i = 0; i < components.getLength(); i++) {
                IIOMetadataNode component = (IIOMetadataNode) components.item(i);
                component.setAttribute("HsamplingFactor", "1");
                component.setAttribute("VsamplingFactor", "1");
            }
        }
        metadata.setFromTree(FORMAT, root);
        return metadata;
    }

    /** The JDK's writer: it takes a four-band raster and stores its samples unconverted under the given marker. */
    private static ImageWriter jdkWriter() {
        for (var writers = ImageIO.getImageWritersByFormatName("jpeg"); writers.hasNext();) {
            ImageWriter writer = writers.next();
            if (writer.getClass().getName().startsWith("com.sun.imageio.")) {
                return writer;
            }
            writer.dispose();
        }
        throw new IllegalStateException("The JDK's JPEG writer is not registered");
    }
}
