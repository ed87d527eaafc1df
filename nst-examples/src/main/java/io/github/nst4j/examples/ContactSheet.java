package io.github.nst4j.examples;

import io.github.nst4j.StyleTransfer;
import io.github.nst4j.image.ImageWriter;
import io.github.nst4j.image.Images;
import io.github.nst4j.weights.WeightsSource;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Renders every content × style pair of the sample images into one labelled PNG grid: a row per
 * content photo, a column per painting, the inputs as headers. With the pretrained weights (the
 * default) it shows the method on the sample images at a glance.
 *
 * <pre>
 * nst-examples/run ContactSheet --size 256 --output contact-sheet.png
 * </pre>
 */
@Command(name = "ContactSheet", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        description = "Stylise every content x style pair of a folder of samples into one labelled grid.")
public final class ContactSheet implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--size", paramLabel = "N", defaultValue = "256", description = "Long side of each result, in pixels.")
    private int size;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "300", description = "Iterations per pair.")
    private int iterations;

    @Mixin
    private WeightsOption weights;

    @Option(names = "--images", paramLabel = "DIR",
            description = "Folder with content/ and style/ subfolders (default: nst-examples/images of this clone).")
    private Path images;

    @Option(names = "--output", paramLabel = "FILE.png", defaultValue = "contact-sheet.png",
            converter = OutputImageConverter.class, description = "The grid, written atomically.")
    private Path output;

    /** The configured command line, for {@link #main} and tests. */
    public static CommandLine commandLine() {
        return ExampleCommandLine.of(new ContactSheet());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    @Override
    public Integer call() {
        Path folder = images != null ? images : SampleImages.find().orElseThrow(() -> new ParameterException(
                spec.commandLine(), "no nst-examples/images folder beside these classes or in the working directory;"
                        + " give --images DIR"));
        List<Path> contents = imagesIn(folder.resolve("content"));
        List<Path> styles = imagesIn(folder.resolve("style"));
        PrintWriter out = spec.commandLine().getOut();
        BufferedImage sheet = render(contents, styles, size, iterations, weights.source(out).cached(), out);
        ImageWriter.write(sheet, output);
        out.printf("Wrote %s (%d x %d: %d contents x %d styles)%n", output, sheet.getWidth(), sheet.getHeight(),
                contents.size(), styles.size());
        return 0;
    }

    /**
     * The grid for {@code contents} (rows) × {@code styles} (columns), each result at {@code size}
     * px on its long side after {@code iterations} steps; a line per pair, with the time left for
     * the sheet, and the pair's iterations go to {@code progress}. Every pair is prepared (its
     * images read, its settings checked) before the first runs, so that a size too small for one
     * photo fails at once rather than after the pairs before it.
     *
     * @throws io.github.nst4j.error.NstException if an image cannot be read or a setting cannot work for a pair
     */
    public static BufferedImage render(List<Path> contents, List<Path> styles, int size, int iterations,
            WeightsSource weights, PrintWriter progress) {
        SheetCanvas canvas = new SheetCanvas(contents.stream().map(ContactSheet::label).toList(),
                styles.stream().map(ContactSheet::label).toList(), size);
        for (int column = 0; column < styles.size(); column++) {
            canvas.columnHeader(column, Images.read(styles.get(column)));
        }
        for (Path content : contents) {
            for (Path style : styles) {
                prepare(content, style, size, iterations, weights);
            }
        }
        int pairs = contents.size() * styles.size();
        int pair = 0;
        long start = System.nanoTime();
        for (int row = 0; row < contents.size(); row++) {
            canvas.rowHeader(row, Images.read(contents.get(row)));
            for (int column = 0; column < styles.size(); column++) {
                String eta = pair == 0 ? "" : "  sheet ETA "
                        + ProgressLines.clock(Math.round((System.nanoTime() - start) / 1e9 / pair * (pairs - pair)));
                progress.printf("%d/%d: %s x %s%s%n", ++pair, pairs, label(contents.get(row)), label(styles.get(column)),
                        eta);
                progress.flush();
                BufferedImage result = prepare(contents.get(row), styles.get(column), size, iterations, weights)
                        .run(new ProgressLines(progress, "  ")).image();
                canvas.cell(row, column, result);
            }
        }
        return canvas.image();
    }

    private static StyleTransfer prepare(Path content, Path style, int size, int iterations, WeightsSource weights) {
        return StyleTransfer.builder().content(content).style(style).size(size).iterations(iterations).weights(weights)
                .build();
    }

    private static String label(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.'));
    }

    private List<Path> imagesIn(Path dir) {
        List<Path> found = Files.isDirectory(dir) ? Images.inDirectory(dir) : List.of();
        if (found.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "no images in " + dir + "; give --images a folder with"
                    + " content/ and style/ subfolders of JPEG, PNG, BMP or GIF files");
        }
        return found;
    }
}
