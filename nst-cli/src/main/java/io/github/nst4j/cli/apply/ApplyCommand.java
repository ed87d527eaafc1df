package io.github.nst4j.cli.apply;

import io.github.nst4j.ColorPreservation;
import io.github.nst4j.cli.common.LowerCaseEnumConverter;
import io.github.nst4j.cli.common.MemorySizeConverter;
import io.github.nst4j.error.NstException;
import io.github.nst4j.fast.FastStyleModel;
import io.github.nst4j.fast.StylizeOptions;
import io.github.nst4j.image.ImageWriter;
import io.github.nst4j.image.Images;
import io.github.nst4j.storage.InputLabels;
import java.awt.image.BufferedImage;
import java.io.IOException;
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
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code nst apply}: every content image through a fast style model, one forward pass each. One
 * content gives one output file; several (or a folder) give a folder of {@code <content>.png},
 * named as batch runs name their outputs.
 */
@Command(name = "apply", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Stylise photos with a fast style model (made by nst train): one forward pass per image,"
                + " any size and aspect ratio.",
        footerHeading = "%nExamples:%n",
        footer = {"  nst apply --model starry.nstm --content photo.jpg --output photo_starry.png",
            "  nst apply --model starry.nstm --content photos/ --output styled/ --size 1024",
            "  nst apply --model starry.nstm --content big.jpg --output big_starry.png --max-memory 2g --preserve-colors luminance"})
public final class ApplyCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "The model file nst train wrote.")
    private Path model;

    @Option(names = "--content", required = true, arity = "1..*", paramLabel = "FILE|DIR",
            description = "Content images (JPEG, PNG, BMP or GIF) or folders of them.")
    private List<Path> contents = new ArrayList<>();

    @Option(names = "--output", required = true, paramLabel = "FILE|DIR",
            description = "The output image (.png or .jpg) for one content; a folder (created if missing) for several.")
    private Path output;

    @Option(names = "--size", paramLabel = "N",
            description = "Long side of each output in pixels (default: the content's own size).")
    private Integer size;

    @Option(names = "--preserve-colors", paramLabel = "none|luminance|histogram",
            converter = LowerCaseEnumConverter.OfColorPreservation.class,
            description = "Keep the photo's colours: luminance (the model's strokes in luminance only) or histogram"
                    + " (the output recoloured to the photo's colour mean and covariance). Default: none.")
    private ColorPreservation colors = ColorPreservation.NONE;

    @Option(names = "--max-memory", paramLabel = "SIZE", converter = MemorySizeConverter.class,
            description = "Memory the network's arrays may take (e.g. 2g, 800m; default: no bound). A larger"
                    + " output is rendered in tiles, with the same result, at several times the work.")
    private Long maxMemory;

    @Option(names = "--tile", paramLabel = "N",
            description = "Render in tiles of N px whatever the memory (the same result, several times the work).")
    private Integer tile;

    @Override
    public Integer call() {
        List<Path> files = contentFiles();
        if (size != null && size < 8) {
            throw usage("--size: " + size + " px is too small; give at least 8");
        }
        if (tile != null && tile < 4) {
            throw usage("--tile: " + tile + " px is too small; give at least 4, or leave it out");
        }
        StylizeOptions options = StylizeOptions.DEFAULTS.withColors(colors)
                .withMaxMemory(maxMemory == null ? 0 : maxMemory).withTileSide(tile == null ? 0 : tile);
        boolean toFolder = files.size() > 1 || contents.stream().anyMatch(Files::isDirectory);
        if (toFolder && isImageName(output)) {
            throw usage("--output: " + files.size() + " contents need a folder, not the file name " + output);
        }
        if (!toFolder && !isImageName(output)) {
            throw usage("--output: give a .png or .jpg file for one content, e.g. " + output + ".png");
        }
        if (!Files.isReadable(model) || Files.isDirectory(model)) {
            throw usage("--model: " + model + " not found; give the file nst train wrote");
        }
        InputLabels labels = InputLabels.of(files.stream().map(Path::toString).toList());
        for (Path file : files) {
            Path target = toFolder ? output.resolve(labels.label(file.toString()) + ".png") : output;
            if (Files.exists(target) && sameFile(target, file)) {
                throw usage("--output: " + target + " is also an input; write the outputs elsewhere");
            }
        }
        FastStyleModel loaded;
        try {
            loaded = FastStyleModel.load(model);
        } catch (NstException e) {
            throw usage("--model: " + e.getMessage()); // a wrong file is a wrong command line
        }
        if (toFolder) {
            createFolder();
        }
        PrintWriter out = spec.commandLine().getOut();
        labels.notes().forEach(note -> out.println("Note: " + note));
        for (Path file : files) {
            Path target = toFolder ? output.resolve(labels.label(file.toString()) + ".png") : output;
            long start = System.nanoTime();
            BufferedImage content = Images.read(file);
            if (size != null) {
                content = Images.resizeLongSide(content, size);
            }
            BufferedImage styled;
            try {
                styled = loaded.stylize(content, options);
            } catch (NstException e) {
                if (maxMemory == null) {
                    throw e;
                }
                throw usage("--max-memory: " + e.getMessage()); // a bound too small is a wrong command line
            }
            ImageWriter.write(styled, target);
            out.printf(Locale.ROOT, "Wrote %s (%dx%d px, %.2f s)%n", target, styled.getWidth(), styled.getHeight(),
                    (System.nanoTime() - start) / 1e9);
            out.flush();
        }
        return 0;
    }

    /** The content images, folders expanded, each checked to exist before any work. */
    private List<Path> contentFiles() {
        List<Path> files = new ArrayList<>();
        for (Path content : contents) {
            if (Files.isDirectory(content)) {
                List<Path> inFolder = Images.inDirectory(content);
                if (inFolder.isEmpty()) {
                    throw usage("--content: no JPEG, PNG, BMP or GIF images in the folder " + content);
                }
                files.addAll(inFolder);
            } else if (!Files.isReadable(content)) {
                throw usage("--content: " + content + " not found; check the path");
            } else {
                files.add(content);
            }
        }
        return files;
    }

    private void createFolder() {
        try {
            Files.createDirectories(output);
        } catch (IOException e) {
            throw new NstException("Cannot create the output folder " + output + ": " + e.getMessage(), e);
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false; // unreadable: not the input just read
        }
    }

    private static boolean isImageName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".png") || name.endsWith(".jpg") || name.endsWith(".jpeg");
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
