package io.github.nst4j.cli.stats;

import io.github.nst4j.image.Images;
import io.github.nst4j.stats.StyleDistance;
import io.github.nst4j.stats.StyleStatistics;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code nst stats}: each image's distance from a style in colour, spectrum and gradients, so that
 * results of different weights and settings can be compared by measures the run did not optimise.
 */
@Command(name = "stats", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Score images against a style by statistics no network takes part in: colour"
                + " distribution (levels), luminance power spectrum (decades) and luminance gradients"
                + " (levels); 0 is the style itself, lower is closer. The style is resized to each image's"
                + " long side first.",
            "For scale: the style's own 16 px patches shuffled score about 3 / 0.2 / 5, a flat field of its"
                    + " mean colour about 50 / 14 / 28."},
        footerHeading = "%nExample:%n",
        footer = "  nst stats --style starry_night.jpg texture.png out.png")
public final class StatsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--style", required = true, paramLabel = "FILE", description = "The style image to compare with.")
    private Path style;

    @Option(names = "--json", description = "Print a JSON array instead of a table.")
    private boolean json;

    @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "Images to score (JPEG, PNG, BMP or GIF).")
    private List<Path> images = new ArrayList<>();

    @Override
    public Integer call() {
        checkReadable("--style", style);
        for (Path image : images) {
            checkReadable("IMAGE", image);
        }
        BufferedImage styleImage = Images.read(style);
        PrintWriter out = spec.commandLine().getOut();
        List<String> jsonRows = new ArrayList<>();
        if (!json) {
            out.printf(Locale.ROOT, "%8s %9s %10s  image (distance to %s)%n", "colour", "spectrum", "gradients",
                    style.getFileName());
        }
        for (Path image : images) {
            StyleDistance d = StyleStatistics.distance(styleImage, Images.read(image));
            if (json) {
                jsonRows.add(String.format(Locale.ROOT,
                        "{\"image\": \"%s\", \"colour\": %.4f, \"spectrum\": %.5f, \"gradients\": %.4f}",
                        escape(image.toString()), d.colour(), d.spectrum(), d.gradients()));
            } else {
                out.printf(Locale.ROOT, "%8.2f %9.3f %10.2f  %s%n", d.colour(), d.spectrum(), d.gradients(), image);
            }
            out.flush();
        }
        if (json) {
            out.println("[" + String.join(",\n ", jsonRows) + "]");
        }
        return 0;
    }

    private void checkReadable(String option, Path file) {
        String problem = Files.isDirectory(file) ? option + " names a directory, " + file + "; give an image file"
                : !Files.isReadable(file) ? option + ": " + file + " not found; check the path" : null;
        if (problem != null) {
            throw new ParameterException(spec.commandLine(), problem);
        }
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
