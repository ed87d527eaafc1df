package io.github.nst4j.examples;

import io.github.nst4j.StyleTransfer;
import io.github.nst4j.StyleTransferResult;
import io.github.nst4j.image.Images;
import io.github.nst4j.listener.IterationListener;
import io.github.nst4j.weights.WeightsSource;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Synthesises a texture from a painting's style alone (no content image), as in the first figure
 * of Gatys et al.; shows the {@code BufferedImage} side of the API.
 *
 * <pre>
 * nst-examples/run ExtractStyle painting.jpg texture.png [--size N] [--iterations N] [--weights NAME|FILE]
 * </pre>
 */
@Command(name = "ExtractStyle", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        description = "Synthesise a square texture in the style of a painting.")
public final class ExtractStyle implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STYLE", converter = InputImageConverter.class,
            description = "The painting (JPEG, PNG, BMP or GIF).")
    private Path style;

    @Parameters(index = "1", paramLabel = "OUTPUT", converter = OutputImageConverter.class,
            description = "The texture, .png or .jpg, written when the run ends.")
    private Path output;

    @Option(names = "--size", paramLabel = "N", defaultValue = "256",
            description = "Width and height of the texture, in pixels.")
    private int size;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "300", description = "Optimisation steps.")
    private int iterations;

    @Mixin
    private WeightsOption weights;

    /** The configured command line, for {@link #main} and tests. */
    public static CommandLine commandLine() {
        return ExampleCommandLine.of(new ExtractStyle());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        BufferedImage painting = Images.read(style);
        extract(painting, size, size, iterations, weights.source(out), new ProgressLines(out, "")).save(output);
        out.println("Wrote " + output);
        return 0;
    }

    /**
     * A {@code width x height} texture with the style of {@code painting}.
     *
     * @param progress sees every iteration
     */
    public static StyleTransferResult extract(BufferedImage painting, int width, int height, int iterations,
            WeightsSource weights, IterationListener progress) {
        return StyleTransfer.builder()
                .style(painting)
                .outputSize(width, height)
                .iterations(iterations)
                .weights(weights)
                .build()
                .run(progress);
    }
}
