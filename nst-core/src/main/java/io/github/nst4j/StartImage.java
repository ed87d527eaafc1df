package io.github.nst4j;

import io.github.nst4j.image.ImageSize;
import io.github.nst4j.image.Images;
import io.github.nst4j.image.PixelTensors;
import io.github.nst4j.network.InputConvention;
import java.awt.image.BufferedImage;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The image the first pyramid level starts from: content, style, a given image or noise, blended with noise. */
final class StartImage {
    private StartImage() {
    }

    /** {@code ratio·noise + (1 − ratio)·base} at {@code size}, in RGB pixel units. */
    static INDArray initial(StyleTransferSettings settings, PreparedImages images, ImageSize size) {
        INDArray noise = noise(size.height(), size.width(), settings.seed());
        BufferedImage base = switch (settings.init()) {
            case CONTENT -> images.content();
            case STYLE -> images.styles().get(0);
            case IMAGE -> images.initImage();
            case NOISE -> null;
        };
        if (base == null) {
            return noise;
        }
        // Centre-cropped to the output's shape first, so that a style or image of another aspect ratio
        // is not stretched.
        INDArray pixels = PixelTensors.fromImage(Images.resize(Images.cropToAspect(base, size.width(), size.height()),
                size.width(), size.height()));
        double ratio = settings.initNoiseRatio();
        return ratio == 0 ? pixels : pixels.muli(1 - ratio).addi(noise.muli(ratio));
    }

    /** Gaussian noise around the ImageNet mean colour, in RGB pixel units. */
    private static INDArray noise(int height, int width, long seed) {
        Random random = new Random(seed);
        double[] mean = InputConvention.CAFFE.rgbMean();
        int plane = height * width;
        float[] values = new float[3 * plane];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (mean[i / plane] + random.nextGaussian() * Defaults.NOISE_STDDEV);
        }
        return Nd4j.create(values, new long[] {1, 3, height, width}, DataType.FLOAT);
    }
}
