package io.github.nst4j.examples;

import io.github.nst4j.StyleTransfer;
import io.github.nst4j.image.ImageWriter;
import io.github.nst4j.image.Images;
import io.github.nst4j.weights.WeightsSource;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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

    @Option(names = "--weights", paramLabel = "zoo|random|FILE", defaultValue = "zoo",
            description = "VGG19 weights: the pretrained zoo copy (downloaded once), random (untrained) or a file.")
    private String weights;

    @Option(names = "--images", paramLabel = "DIR",
            description = "Folder with content/ and style/ subfolders (default: nst-examples/images of this clone).")
    private Path images;

    @Option(names = "--output", paramLabel = "FILE.png", defaultValue = "contact-sheet.png",
            description = "The grid, written atomically.")
    private Path output;

    /** The configured command line, for {@link #main} and tests. */
    public static CommandLine commandLine() {
        return new CommandLine(new ContactSheet());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    @Override
    public Integer call() {
        if (size < 32 || iterations < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "needs --size of at least 32 px and --iterations of at least 1");
        }
        Path folder = images != null ? images : SampleImages.locate();
        List<Path> contents = imagesIn(folder.resolve("content"));
        List<Path> styles = imagesIn(folder.resolve("style"));
        PrintWriter out = spec.commandLine().getOut();
        BufferedImage sheet = render(contents, styles, size, iterations, ExampleWeights.parse(weights).cached(), out);
        ImageWriter.write(sheet, output);
        out.printf("Wrote %s (%d x %d: %d contents x %d styles)%n", output, sheet.getWidth(), sheet.getHeight(),
                contents.size(), styles.size());
        return 0;
    }

    /**
     * The grid for {@code contents} (rows) × {@code styles} (columns), each result at {@code size}
     * px on its long side after {@code iterations} steps; a line per pair goes to {@code progress}.
     */
    public static BufferedImage render(List<Path> contents, List<Path> styles, int size, int iterations,
            WeightsSource weights, PrintWriter progress) {
        SheetCanvas canvas = new SheetCanvas(contents.size(), styles.size(), size);
        for (int column = 0; column < styles.size(); column++) {
            canvas.columnHeader(column, Images.read(styles.get(column)), label(styles.get(column)));
        }
        int pair = 0;
        for (int row = 0; row < contents.size(); row++) {
            canvas.rowHeader(row, Images.read(contents.get(row)), label(contents.get(row)));
            for (int column = 0; column < styles.size(); column++) {
                progress.printf("%d/%d: %s x %s%n", ++pair, contents.size() * styles.size(),
                        label(contents.get(row)), label(styles.get(column)));
                progress.flush();
                BufferedImage result = StyleTransfer.builder()
                        .content(contents.get(row)).style(styles.get(column))
                        .size(size).iterations(iterations).weights(weights)
                        .build().run().image();
                canvas.cell(row, column, result);
            }
        }
        return canvas.image();
    }

    private static String label(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.'));
    }

    private static List<Path> imagesIn(Path dir) {
        List<Path> found = Images.inDirectory(dir);
        if (found.isEmpty()) {
            throw new IllegalArgumentException("No images in " + dir + "; give --images a folder with content/ and"
                    + " style/ subfolders");
        }
        return found;
    }
}
