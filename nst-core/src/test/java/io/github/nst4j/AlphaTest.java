package io.github.nst4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nst4j.weights.WeightsSource;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Transparent images: the content's alpha comes back in the output and its transparent pixels do not count. */
class AlphaTest {
    private static final WeightsSource WEIGHTS = WeightsSource.random(13).cached();

    @TempDir
    Path dir;

    @Test
    void pngOutputKeepsTheContentsAlphaExactly() throws Exception {
        BufferedImage content = withAlpha(Synthetic.gradient(80, 64), 0, 20);
        StyleTransferResult result = StyleTransfer.builder().content(content).style(Synthetic.stripes(64, 64))
                .size(80).iterations(2).weights(WEIGHTS).build().run();
        Path png = dir.resolve("out.png");
        result.save(png);
        BufferedImage written = ImageIO.read(png.toFile());
        assertThat(written.getColorModel().hasAlpha()).isTrue();
        assertThat(alphas(written)).isEqualTo(alphas(content));
        // JPEG has no alpha channel: the same result is written opaque.
        Path jpeg = dir.resolve("out.jpg");
        result.save(jpeg);
        assertThat(ImageIO.read(jpeg.toFile()).getColorModel().hasAlpha()).isFalse();
    }

    /**
     * The left half of the content is transparent, and the start image differs from the content
     * only there: its content loss is then a small fraction of what it is when the same content is
     * opaque (what remains is the right half's features near the border, which see the left half).
     */
    @Test
    void transparentContentPixelsDoNotCountInTheContentLoss() {
        BufferedImage opaque = Synthetic.gradient(96, 64);
        BufferedImage start = Synthetic.gradient(96, 64);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 48; x++) {
                start.setRGB(x, y, (x * 37 + y * 101) % 2 == 0 ? 0xFFFFFF : 0x000000);
            }
        }
        double withAlpha = firstContentLoss(withAlpha(opaque, 0, 48), start);
        double without = firstContentLoss(opaque, start);
        assertThat(withAlpha).isLessThan(0.2 * without);
    }

    /**
     * A style whose right half is transparent and holds something else entirely scores nearly as the
     * style made of its left half's pattern alone, and unlike the same picture opaque.
     */
    @Test
    void transparentStylePixelsAreLeftOutOfTheGram() {
        BufferedImage mixed = Synthetic.stripesBesideGray(96, 64);
        double pure = firstStyleLoss(Synthetic.stripes(96, 64));
        double masked = firstStyleLoss(withAlpha(mixed, 48, 96));
        double opaqueMixed = firstStyleLoss(mixed);
        assertThat(masked / pure).isBetween(0.6, 1.6);
        assertThat(Math.abs(opaqueMixed / pure - 1)).isGreaterThan(Math.abs(masked / pure - 1));
    }

    private static double firstContentLoss(BufferedImage content, BufferedImage start) {
        return StyleTransfer.builder().content(content).mode(Mode.CONTENT).initImage(start).size(96).iterations(1)
                .weights(WEIGHTS).build().run().lossHistory().get(0).content();
    }

    private static double firstStyleLoss(BufferedImage style) {
        return Synthetic.firstStyleLoss(StyleTransfer.builder().style(style).weights(WEIGHTS));
    }

    /** {@code image} with alpha 0 in columns {@code [from, to)}, 128 in the top rows elsewhere, else 255. */
    private static BufferedImage withAlpha(BufferedImage image, int from, int to) {
        BufferedImage argb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int alpha = x >= from && x < to ? 0 : y < 8 ? 128 : 255;
                argb.setRGB(x, y, alpha << 24 | image.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return argb;
    }

    private static int[] alphas(BufferedImage image) {
        int[] alphas = new int[image.getWidth() * image.getHeight()];
        for (int i = 0; i < alphas.length; i++) {
            alphas[i] = image.getRGB(i % image.getWidth(), i / image.getWidth()) >>> 24;
        }
        return alphas;
    }
}
