package io.github.nst4j.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.nd4j.linalg.indexing.NDArrayIndex.all;
import static org.nd4j.linalg.indexing.NDArrayIndex.point;

import io.github.nst4j.image.PixelTensors;
import java.awt.image.BufferedImage;
import java.util.Collections;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Pins each input convention: a known pixel in, a known tensor value out, and back. */
class InputConventionTest {
    /** One pixel R 10, G 20, B 30. */
    private static INDArray pixel() {
        BufferedImage image = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0x0A141E);
        return PixelTensors.fromImage(image);
    }

    @Test
    void caffeIsBgrMinusMeansIn0To255() {
        INDArray x = InputConvention.CAFFE.toNetworkInput(pixel());
        assertThat(x.getDouble(0, 0, 0, 0)).isCloseTo(30 - 103.939, within(1e-4)); // B first
        assertThat(x.getDouble(0, 1, 0, 0)).isCloseTo(20 - 116.779, within(1e-4));
        assertThat(x.getDouble(0, 2, 0, 0)).isCloseTo(10 - 123.68, within(1e-4));
    }

    @Test
    void torchIsRgbIn0To1NormalisedByMeanAndStd() {
        INDArray x = InputConvention.TORCH.toNetworkInput(pixel());
        assertThat(x.getDouble(0, 0, 0, 0)).isCloseTo((10 / 255.0 - 0.485) / 0.229, within(1e-5));
        assertThat(x.getDouble(0, 1, 0, 0)).isCloseTo((20 / 255.0 - 0.456) / 0.224, within(1e-5));
        assertThat(x.getDouble(0, 2, 0, 0)).isCloseTo((30 / 255.0 - 0.406) / 0.225, within(1e-5));
    }

    @ParameterizedTest
    @EnumSource(InputConvention.class)
    void inverseRestoresThePixels(InputConvention convention) {
        INDArray pixels = randomPixels();
        INDArray back = convention.toPixels(convention.toNetworkInput(pixels));
        assertThat(back.sub(pixels).amaxNumber().doubleValue()).isLessThan(1e-3);
        assertThat(PixelTensors.toImage(back).getRGB(3, 2)).isEqualTo(PixelTensors.toImage(pixels).getRGB(3, 2));
    }

    @ParameterizedTest
    @EnumSource(InputConvention.class)
    void graphScalingEqualsTheEagerConversionUpToChannelOrder(InputConvention convention) {
        INDArray pixels = randomPixels();
        SameDiff sd = SameDiff.create();
        SDVariable input = convention.applyScaling(sd, sd.constant("pixels", pixels), DataType.FLOAT);
        INDArray inGraph = sd.output(Collections.emptyMap(), input.name()).get(input.name());
        INDArray eager = convention.toNetworkInput(pixels);
        for (int c = 0; c < 3; c++) {
            int networkChannel = convention.isBgr() ? 2 - c : c;
            double diff = inGraph.get(all(), point(c), all(), all())
                    .sub(eager.get(all(), point(networkChannel), all(), all())).amaxNumber().doubleValue();
            assertThat(diff).as("channel %d", c).isLessThan(1e-5);
        }
    }

    @Test
    void caffeKernelIsReorderedToReadRgb() {
        INDArray kernel = Nd4j.arange(2 * 3 * 9).castTo(DataType.FLOAT).reshape(2, 3, 3, 3);
        INDArray rgb = InputConvention.CAFFE.kernelForRgbInput(kernel);
        assertThat(rgb.get(all(), point(0), all(), all())).isEqualTo(kernel.get(all(), point(2), all(), all()));
        assertThat(rgb.get(all(), point(2), all(), all())).isEqualTo(kernel.get(all(), point(0), all(), all()));
        assertThat(InputConvention.TORCH.kernelForRgbInput(kernel)).isSameAs(kernel);
    }

    @Test
    void pixelTensorRoundTripIsExactAndClamps() {
        INDArray pixels = randomPixels();
        BufferedImage image = PixelTensors.toImage(pixels);
        assertThat(PixelTensors.toImage(PixelTensors.fromImage(image)).getRGB(4, 1)).isEqualTo(image.getRGB(4, 1));
        pixels.putScalar(new long[] {0, 0, 0, 0}, 300);
        pixels.putScalar(new long[] {0, 2, 0, 0}, -40);
        int rgb = PixelTensors.toImage(pixels).getRGB(0, 0) & 0xFFFFFF;
        assertThat(rgb >> 16).isEqualTo(255);
        assertThat(rgb & 0xFF).isEqualTo(0);
    }

    private static INDArray randomPixels() {
        Random random = new Random(3);
        BufferedImage image = new BufferedImage(7, 5, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 7; x++) {
                image.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        return PixelTensors.fromImage(image);
    }
}
