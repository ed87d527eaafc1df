package io.github.nst4j.examples;

import io.github.nst4j.StyleTransfer;
import io.github.nst4j.StyleTransferResult;
import io.github.nst4j.listener.IterationListener;
import io.github.nst4j.listener.LossValues;
import io.github.nst4j.weights.WeightsSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Paints a photo in the style of a painting, the way an application would embed nst4j.
 *
 * <pre>
 * nst-examples/run StylizePhoto photo.jpg painting.jpg out.png [--size N] [--iterations N] [--weights NAME|FILE]
 * </pre>
 */
@Command(name = "StylizePhoto", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        description = "Paint a photo in the style of a painting.")
public final class StylizePhoto implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CONTENT", converter = InputImageConverter.class,
            description = "The photo (JPEG, PNG, BMP or GIF).")
    private Path content;

    @Parameters(index = "1", paramLabel = "STYLE", converter = InputImageConverter.class,
            description = "The painting whose style it takes.")
    private Path style;

    @Parameters(index = "2", paramLabel = "OUTPUT", converter = OutputImageConverter.class,
            description = "The result, .png or .jpg, written when the run ends.")
    private Path output;

    @Option(names = "--size", paramLabel = "N", defaultValue = "384", description = "Long side of the result, in pixels.")
    private int size;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "300", description = "Optimisation steps.")
    private int iterations;

    @Mixin
    private WeightsOption weights;

    /** The configured command line, for {@link #main} and tests. */
    public static CommandLine commandLine() {
        return ExampleCommandLine.of(new StylizePhoto());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        StyleTransferResult result = stylize(content, style, output, size, iterations, weights.source(out),
                new ProgressLines(out, ""));
        List<LossValues> history = result.lossHistory();
        out.printf(Locale.ROOT, "Wrote %s; loss %.4g -> %.4g%n", output, history.get(0).total(),
                history.get(history.size() - 1).total());
        return 0;
    }

    /**
     * Stylises {@code content} with {@code style} and writes the result to {@code output}.
     *
     * @param progress sees every iteration
     */
    public static StyleTransferResult stylize(Path content, Path style, Path output, int size, int iterations,
            WeightsSource weights, IterationListener progress) {
        StyleTransferResult result = StyleTransfer.builder()
                .content(content)
                .style(style)
                .size(size)
                .iterations(iterations)
                .weights(weights)
                .build()
                .run(progress);
        result.save(output);
        return result;
    }
}
