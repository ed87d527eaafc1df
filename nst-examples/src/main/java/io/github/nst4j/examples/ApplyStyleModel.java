package io.github.nst4j.examples;

import io.github.nst4j.fast.FastStyleModel;
import io.github.nst4j.image.ImageWriter;
import io.github.nst4j.image.Images;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Stylises a photo with a fast style model ({@link TrainStyleModel}, or {@code nst train}) in one
 * forward pass, the way an application would:
 *
 * <pre>
 * nst-examples/run ApplyStyleModel starry.nstm photo.jpg out.png [--size N]
 * </pre>
 */
@Command(name = "ApplyStyleModel", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        description = "Stylise a photo with a fast style model.")
public final class ApplyStyleModel implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MODEL", description = "The model file (written by TrainStyleModel or nst train).")
    private Path model;

    @Parameters(index = "1", paramLabel = "PHOTO", converter = InputImageConverter.class,
            description = "The photo (JPEG, PNG, BMP or GIF).")
    private Path photo;

    @Parameters(index = "2", paramLabel = "OUTPUT", converter = OutputImageConverter.class,
            description = "The result, .png or .jpg.")
    private Path output;

    @Option(names = "--size", paramLabel = "N", description = "Long side of the result in pixels (default: the photo's).")
    private Integer size;

    /** The configured command line, for {@link #main} and tests. */
    public static CommandLine commandLine() {
        return ExampleCommandLine.of(new ApplyStyleModel());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        FastStyleModel loaded = FastStyleModel.load(model);
        BufferedImage image = Images.read(photo);
        if (size != null) {
            image = Images.resizeLongSide(image, size);
        }
        long start = System.nanoTime();
        BufferedImage styled = loaded.stylize(image);
        double seconds = (System.nanoTime() - start) / 1e9;
        ImageWriter.write(styled, output);
        out.printf(Locale.ROOT, "Wrote %s (%dx%d) in %.2f s%n", output, styled.getWidth(), styled.getHeight(), seconds);
        return 0;
    }
}
