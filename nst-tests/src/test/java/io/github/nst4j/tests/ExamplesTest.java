package io.github.nst4j.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nst4j.StyleTransferResult;
import io.github.nst4j.examples.ExtractStyle;
import io.github.nst4j.examples.SampleImages;
import io.github.nst4j.examples.StylizePhoto;
import io.github.nst4j.weights.WeightsSource;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example programs run as an application would call them (random weights, tiny sizes). */
class ExamplesTest {
    @TempDir
    Path dir;

    @Test
    void stylizePhotoWritesTheResult() throws IOException {
        Path output = dir.resolve("out.png");
        StyleTransferResult result = StylizePhoto.stylize(SampleImages.content("coffee.png"),
                SampleImages.style("woman-with-hat-matisse.jpg"), output, 64, 5, WeightsSource.random(2));
        assertThat(ImageIO.read(output.toFile()).getWidth()).isEqualTo(64);
        assertThat(result.lossHistory()).hasSize(5);
    }

    @Test
    void extractStyleMakesATextureOfTheAskedSize() throws IOException {
        StyleTransferResult result = ExtractStyle.extract(ImageIO.read(SampleImages.style("shipwreck.jpg").toFile()),
                48, 36, 4, WeightsSource.random(2));
        assertThat(result.image().getWidth()).isEqualTo(48);
        assertThat(result.image().getHeight()).isEqualTo(36);
    }
}
