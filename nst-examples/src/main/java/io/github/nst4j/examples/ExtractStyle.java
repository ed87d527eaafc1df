package io.github.nst4j.examples;

import io.github.nst4j.StyleTransfer;
import io.github.nst4j.StyleTransferResult;
import io.github.nst4j.weights.WeightsSource;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Synthesises a texture from a painting's style alone (no content image), as in the first figure
 * of Gatys et al.; shows the {@code BufferedImage} side of the API.
 *
 * <pre>
 * nst-examples/run ExtractStyle painting.jpg texture.png [zoo|random|FILE]
 * </pre>
 */
public final class ExtractStyle {
    private ExtractStyle() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: ExtractStyle STYLE OUTPUT [zoo|random|FILE]");
            System.exit(2);
        }
        WeightsSource weights = ExampleWeights.parse(args.length > 2 ? args[2] : "zoo");
        BufferedImage painting = ImageIO.read(Path.of(args[0]).toFile());
        extract(painting, 256, 256, 400, weights).save(Path.of(args[1]));
        System.out.println("Wrote " + args[1]);
    }

    /** A {@code width x height} texture with the style of {@code painting}. */
    public static StyleTransferResult extract(BufferedImage painting, int width, int height, int iterations,
            WeightsSource weights) {
        return StyleTransfer.builder()
                .style(painting)
                .outputSize(width, height)
                .iterations(iterations)
                .weights(weights)
                .build()
                .run();
    }
}
