package io.github.nst4j.image;

import io.github.nst4j.network.InputConvention;
import java.awt.image.BufferedImage;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Images as the tensors nst4j optimises: {@code [1, 3, H, W]}, channels R, G, B, values in 0-255
 * pixel units. Whatever input convention a network expects is applied on top of this, inside the
 * graph (see {@link InputConvention}), so learning rates and the TV weight always mean the same.
 */
public final class PixelTensors {
    private PixelTensors() {
    }

    /** The float {@code [1, 3, H, W]} RGB tensor of an image, values 0-255. */
    public static INDArray fromImage(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int plane = width * height;
        float[] data = new float[3 * plane];
        int[] rgb = image.getRGB(0, 0, width, height, null, 0, width);
        for (int i = 0; i < plane; i++) {
            int pixel = rgb[i];
            data[i] = (pixel >> 16) & 0xFF;
            data[plane + i] = (pixel >> 8) & 0xFF;
            data[2 * plane + i] = pixel & 0xFF;
        }
        return Nd4j.create(data, new long[] {1, 3, height, width}, DataType.FLOAT);
    }

    /**
     * A mask image as weights in [0, 1] (white = 1), channels last, {@code [1, H, W, 1]}: the
     * luminance of each pixel over 255.
     */
    public static INDArray maskFromImage(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        float[] values = new float[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = image.getRGB(x, y);
                values[y * width + x] = (float) (0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF)
                        + 0.114 * (rgb & 0xFF)) / 255f;
            }
        }
        return Nd4j.create(values, new long[] {1, height, width, 1}, DataType.FLOAT);
    }

    /** The image of a {@code [1, 3, H, W]} RGB tensor; values are rounded and clamped to 0-255. */
    public static BufferedImage toImage(INDArray tensor) {
        int height = (int) tensor.size(2);
        int width = (int) tensor.size(3);
        int plane = width * height;
        float[] data = tensor.castTo(DataType.FLOAT).dup('c').data().asFloat();
        int[] rgb = new int[plane];
        for (int i = 0; i < plane; i++) {
            rgb[i] = toByte(data[i]) << 16 | toByte(data[plane + i]) << 8 | toByte(data[2 * plane + i]);
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, width, height, rgb, 0, width);
        return image;
    }

    private static int toByte(float value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }
}
