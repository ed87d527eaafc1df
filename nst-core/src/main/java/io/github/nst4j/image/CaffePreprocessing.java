package io.github.nst4j.image;

import java.awt.image.BufferedImage;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The input convention of the original Caffe VGG19 weights, which the Deeplearning4j zoo carries:
 * channels in BGR order, values 0-255, minus the ImageNet channel means (B 103.939, G 116.779,
 * R 123.68). {@link #toImage} is the exact inverse, rounded and clamped to 0-255.
 */
public final class CaffePreprocessing {
    /** ImageNet means in B, G, R order, as subtracted by Caffe's VGG models. */
    static final double[] BGR_MEAN = {103.939, 116.779, 123.68};

    private CaffePreprocessing() {
    }

    /** The network input for an RGB image: a float {@code [1, 3, H, W]} tensor. */
    public static INDArray toTensor(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int plane = width * height;
        float[] data = new float[3 * plane];
        int[] rgb = image.getRGB(0, 0, width, height, null, 0, width);
        for (int i = 0; i < plane; i++) {
            int pixel = rgb[i];
            data[i] = (float) ((pixel & 0xFF) - BGR_MEAN[0]);
            data[plane + i] = (float) (((pixel >> 8) & 0xFF) - BGR_MEAN[1]);
            data[2 * plane + i] = (float) (((pixel >> 16) & 0xFF) - BGR_MEAN[2]);
        }
        return Nd4j.create(data, new long[] {1, 3, height, width}, DataType.FLOAT);
    }

    /** The RGB image for a network input {@code [1, 3, H, W]}; values are rounded and clamped. */
    public static BufferedImage toImage(INDArray tensor) {
        int height = (int) tensor.size(2);
        int width = (int) tensor.size(3);
        int plane = width * height;
        float[] data = tensor.castTo(DataType.FLOAT).dup('c').data().asFloat();
        int[] rgb = new int[plane];
        for (int i = 0; i < plane; i++) {
            int b = toByte(data[i] + BGR_MEAN[0]);
            int g = toByte(data[plane + i] + BGR_MEAN[1]);
            int r = toByte(data[2 * plane + i] + BGR_MEAN[2]);
            rgb[i] = (r << 16) | (g << 8) | b;
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, width, height, rgb, 0, width);
        return image;
    }

    private static int toByte(double value) {
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }
}
