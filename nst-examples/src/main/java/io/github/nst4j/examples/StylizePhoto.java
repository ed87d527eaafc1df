package io.github.nst4j.examples;

import io.github.nst4j.StyleTransfer;
import io.github.nst4j.StyleTransferResult;
import io.github.nst4j.weights.WeightsSource;
import java.nio.file.Path;

/**
 * Paints a photo in the style of a painting, the way an application would embed nst4j.
 *
 * <pre>
 * nst-examples/run StylizePhoto photo.jpg painting.jpg out.png [SIZE [ITERATIONS [zoo|random|FILE]]]
 * </pre>
 * Defaults: 384 px on the long side, 300 iterations, the pretrained zoo weights; {@code random}
 * uses untrained weights (an offline smoke run).
 */
public final class StylizePhoto {
    private StylizePhoto() {
    }

    public static void main(String[] args) {
        if (args.length < 3 || args.length > 6) {
            System.err.println("usage: StylizePhoto CONTENT STYLE OUTPUT [SIZE [ITERATIONS [zoo|random|FILE]]]");
            System.exit(2);
        }
        int size = args.length > 3 ? Integer.parseInt(args[3]) : 384;
        int iterations = args.length > 4 ? Integer.parseInt(args[4]) : 300;
        WeightsSource weights = ExampleWeights.parse(args.length > 5 ? args[5] : "zoo");
        StyleTransferResult result = stylize(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]), size,
                iterations, weights);
        System.out.printf("Wrote %s; loss %.4g -> %.4g%n", args[2], result.lossHistory().get(0).total(),
                result.lossHistory().get(result.lossHistory().size() - 1).total());
    }

    /** Stylises {@code content} with {@code style} and writes the result to {@code output}. */
    public static StyleTransferResult stylize(Path content, Path style, Path output, int size, int iterations,
            WeightsSource weights) {
        StyleTransferResult result = StyleTransfer.builder()
                .content(content)
                .style(style)
                .size(size)
                .iterations(iterations)
                .weights(weights)
                .build()
                .run(event -> {
                    if (event.iteration() % 50 == 0) {
                        System.out.printf("step %d/%d, loss %.4g%n", event.iteration(), event.totalIterations(),
                                event.losses().total());
                    }
                });
        result.save(output);
        return result;
    }
}
