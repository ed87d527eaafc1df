package io.github.nst4j.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class CaffePreprocessingTest {
    @Test
    void knownPixelMapsToBgrMinusMeans() {
        BufferedImage image = new BufferedImage(2, 1, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0x0A141E); // R 10, G 20, B 30
        image.setRGB(1, 0, 0xFFFFFF);

        INDArray tensor = CaffePreprocessing.toTensor(image);

        assertThat(tensor.shape()).containsExactly(1, 3, 1, 2);
        assertThat(tensor.getDouble(0, 0, 0, 0)).isCloseTo(30 - 103.939, within(1e-4));
        assertThat(tensor.getDouble(0, 1, 0, 0)).isCloseTo(20 - 116.779, within(1e-4));
        assertThat(tensor.getDouble(0, 2, 0, 0)).isCloseTo(10 - 123.68, within(1e-4));
        assertThat(tensor.getDouble(0, 2, 0, 1)).isCloseTo(255 - 123.68, within(1e-4));
    }

    @Test
    void inverseRestoresEveryPixelExactly() {
        Random random = new Random(3);
        BufferedImage image = new BufferedImage(17, 9, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 9; y++) {
            for (int x = 0; x < 17; x++) {
                image.setRGB(x, y, random.nextInt(1 << 24));
            }
        }

        BufferedImage back = CaffePreprocessing.toImage(CaffePreprocessing.toTensor(image));

        for (int y = 0; y < 9; y++) {
            for (int x = 0; x < 17; x++) {
                assertThat(back.getRGB(x, y)).isEqualTo(image.getRGB(x, y));
            }
        }
    }

    @Test
    void inverseClampsOutOfRangeValues() {
        INDArray tensor = CaffePreprocessing.toTensor(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB));
        tensor.putScalar(new long[] {0, 0, 0, 0}, 1000); // blue far above 255
        tensor.putScalar(new long[] {0, 2, 0, 0}, -1000); // red far below 0

        int rgb = CaffePreprocessing.toImage(tensor).getRGB(0, 0) & 0xFFFFFF;

        assertThat(rgb & 0xFF).isEqualTo(255);
        assertThat(rgb >> 16).isEqualTo(0);
    }
}
