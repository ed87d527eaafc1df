package io.github.nst4j.cli.train;

import io.github.nst4j.Defaults;
import io.github.nst4j.cli.common.ExitCode;
import io.github.nst4j.cli.common.InterruptGuard;
import io.github.nst4j.cli.common.NumberListPreprocessor;
import io.github.nst4j.cli.common.RunFiles;
import io.github.nst4j.cli.common.SettingFlags;
import io.github.nst4j.cli.common.StyleLayers;
import io.github.nst4j.cli.common.VggLayerConverter;
import io.github.nst4j.cli.common.WeightsOption;
import io.github.nst4j.cli.common.WeightsOptionConverter;
import io.github.nst4j.cli.weights.DownloadProgress;
import io.github.nst4j.error.InvalidSettingException;
import io.github.nst4j.fast.FastStyleTrainer;
import io.github.nst4j.fast.TrainingResult;
import io.github.nst4j.network.VggLayer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code nst train}: a fast style network (Johnson et al. 2016) trained for a style on a folder of
 * photos, through the same VGG19 losses as {@code nst}'s optimisation; {@code nst apply} then
 * stylises any photo in one forward pass. Ctrl-C writes a checkpoint that {@code --resume} continues
 * to the weights of an uninterrupted training.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        description = "Train a fast style model for a style on a folder of photos (COCO 2014 train is the usual"
                + " choice); nst apply then stylises any photo in one pass.",
        footerHeading = "%nExamples:%n",
        footer = {"  nst train --style starry_night.jpg --images coco/train2014 --output starry.nstm --epochs 2",
            "  nst train --style starry_night.jpg --images photos/ --output starry.nstm --steps 2000 --save-every 500",
            "  nst train ... --resume starry.nstm.checkpoint    (after Ctrl-C: the same options plus --resume)"})
public final class TrainCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--style", required = true, split = ",", paramLabel = "FILE[,FILE...]",
            description = "The style image(s); several are blended (see --style-blend).")
    private List<Path> styles = new ArrayList<>();

    @Option(names = "--style-blend", split = ",", paramLabel = "W[,W...]", preprocessor = NumberListPreprocessor.class,
            description = "Blend weights of the styles, one each (default: equal).")
    private List<Double> blend;

    @Option(names = "--images", required = true, paramLabel = "DIR",
            description = "Training photos: a folder, searched recursively; unreadable files are skipped and counted.")
    private Path images;

    @Option(names = "--output", required = true, paramLabel = "MODEL", description = "The model file to write.")
    private Path output;

    @ArgGroup(multiplicity = "1")
    private Length length;

    /** Either a number of steps or of passes over the photos. */
    static final class Length {
        @Option(names = "--steps", paramLabel = "N", description = "Training steps (batches).")
        Integer steps;

        @Option(names = "--epochs", paramLabel = "N", description = "Passes over the training photos.")
        Integer epochs;
    }

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "" + FastStyleTrainer.BATCH_SIZE,
            description = "Photos per step; they go through the networks one at a time, so more take longer but"
                    + " no more memory.")
    private int batchSize;

    @Option(names = "--crop", paramLabel = "N", defaultValue = "" + FastStyleTrainer.CROP,
            description = "Side of the square random crops (a multiple of 4); smaller photos are skipped.")
    private int crop;

    @Option(names = "--weights", paramLabel = "NAME|FILE", defaultValue = WeightsOption.PRETRAINED,
            converter = WeightsOptionConverter.class, description = "VGG19 weights for the losses, as for nst.")
    private WeightsOption weights;

    @Option(names = "--content-weight", paramLabel = "W",
            description = "Weight of the content loss (default: the weights', as for nst).")
    private Double contentWeight;

    @Option(names = "--style-weight", paramLabel = "W", description = "Weight of the style loss (default: "
            + Defaults.STYLE_WEIGHT + ").")
    private Double styleWeight;

    @Option(names = "--style-layers", split = ",", paramLabel = "LAYER[,LAYER...]", converter = VggLayerConverter.class,
            description = "Layers whose Gram matrices the style loss compares (default: block1_conv1 ... block5_conv1).")
    private List<VggLayer> styleLayers;

    @Option(names = "--style-layer-weights", split = ",", paramLabel = "W[,W...]",
            preprocessor = NumberListPreprocessor.class,
            description = "Weight of each style layer, in the order of --style-layers (default: 1 each).")
    private List<Double> styleLayerWeights;

    @Option(names = "--style-scale", paramLabel = "F",
            description = "Resize the style to F x the crop before taking its Gram matrices: below 1 gives finer"
                    + " strokes, above 1 coarser ones (default: 1).")
    private Double styleScale;

    @Option(names = "--tv-weight", paramLabel = "W", description = "Weight of the TV loss (default: the weights', as for nst).")
    private Double tvWeight;

    @Option(names = "--content-layers", split = ",", paramLabel = "LAYER[,LAYER...]",
            description = "Layers of the content loss (default: the weights', as for nst).")
    private List<String> contentLayers;

    @Option(names = "--normalize-gradients", negatable = true,
            description = "L1-normalise each loss term's gradient at its layer, per photo, as nst does (default:"
                    + " on with --weights untrained, off otherwise).")
    private Boolean normalizeGradients;

    @Option(names = "--learning-rate", paramLabel = "R", defaultValue = "" + FastStyleTrainer.LEARNING_RATE,
            description = "Adam's learning rate.")
    private double learningRate;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + Defaults.SEED,
            description = "Seed of the network's start, the crops and untrained weights: the same seed, the same model.")
    private long seed;

    @Option(names = "--save-every", paramLabel = "N", defaultValue = "0",
            description = "Also write the checkpoint every N steps; 0: only at the end or on Ctrl-C.")
    private int saveEvery;

    @Option(names = "--resume", paramLabel = "CHECKPOINT",
            description = "Continue the training that wrote CHECKPOINT (<output>.checkpoint), with the same options.")
    private Path resume;

    @Option(names = "--record", paramLabel = "FILE.json",
            description = "Where to write the JSON record of every step's losses (default: <output>.json).")
    private Path record;

    @Option(names = "--plot", paramLabel = "FILE.png", description = "Also draw the losses against the step as a PNG chart.")
    private Path plot;

    @Override
    public Integer call() throws IOException {
        checkInputs();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path checkpoint = checkpointFile();
        TrainingLog log = new TrainingLog(err, System.console() != null ? System.err : null);
        FastStyleTrainer.Builder builder = FastStyleTrainer.builder().images(images).batchSize(batchSize).crop(crop)
                .learningRate(learningRate).seed(seed).checkpoint(checkpoint, saveEvery)
                .weights(weights.source(seed, null, new DownloadProgress(err, System.console() != null)));
        for (int i = 0; i < styles.size(); i++) {
            builder.style(styles.get(i), blend == null ? 1 : blend.get(i));
        }
        if (length.steps != null) {
            builder.steps(length.steps);
        } else {
            builder.epochs(length.epochs);
        }
        if (contentWeight != null) {
            builder.contentWeight(contentWeight);
        }
        if (styleWeight != null) {
            builder.styleWeight(styleWeight);
        }
        if (tvWeight != null) {
            builder.tvWeight(tvWeight);
        }
        if (styleLayers != null) {
            builder.styleLayers(StyleLayers.weighted(styleLayers, styleLayerWeights));
        }
        if (styleScale != null) {
            builder.styleScale(styleScale);
        }
        if (normalizeGradients != null) {
            builder.normalizeGradients(normalizeGradients);
        }
        if (contentLayers != null) {
            EnumSet<VggLayer> layers = EnumSet.noneOf(VggLayer.class);
            try {
                contentLayers.forEach(name -> layers.add(VggLayer.fromName(name)));
            } catch (IllegalArgumentException e) {
                throw usage("--content-layers: " + e.getMessage());
            }
            builder.contentLayers(layers);
        }
        if (resume != null) {
            builder.resumeFrom(resume);
        }
        out.printf(Locale.ROOT, "Training a fast style model for %s on %s: %s, batch %d, %d px crops, weights: %s%n",
                styles, images, length.steps != null ? length.steps + " steps" : length.epochs + " epochs", batchSize,
                crop, weights);
        out.flush();
        TrainingResult result;
        try (InterruptGuard guard = new InterruptGuard("the model so far as a resumable checkpoint"); log) {
            result = builder.listener(event -> {
                log.onStep(event);
                if (guard.interrupted()) {
                    event.requestStop();
                }
            }).build().train();
        } catch (InvalidSettingException e) {
            throw usage(SettingFlags.describe(e)); // the photos, a setting or the checkpoint: a wrong command line
        }
        Path recordFile = recordFile();
        log.writeRecord(recordFile, styles, images, weights.toString());
        String records = recordFile.toString();
        if (plot != null) {
            log.writePlot(plot);
            records += ", " + plot;
        }
        if (result.stopped()) {
            out.printf(Locale.ROOT, "Stopped at step %d; wrote %s, %s. Continue with the same options plus --resume %s%n",
                    result.steps(), checkpoint, records, checkpoint);
            return ExitCode.INTERRUPTED;
        }
        result.model().save(output);
        out.printf(Locale.ROOT, "Wrote %s, %s (%d steps%s)%n", output, records, result.steps(),
                result.skippedImages() == 0 ? "" : "; skipped, unreadable or smaller than the crop: "
                        + result.skippedImages() + (result.skippedImages() == 1 ? " photo" : " photos"));
        return 0;
    }

    /** Every input there, before any work: one line each for what is missing. */
    private void checkInputs() {
        for (Path style : styles) {
            if (!Files.isReadable(style) || Files.isDirectory(style)) {
                throw usage("--style: " + style + " not found; give an image file");
            }
        }
        if (blend != null && blend.size() != styles.size()) {
            throw usage("--style-blend: " + blend.size() + " weights for " + styles.size() + " styles; give one each");
        }
        if (styleLayerWeights != null && (styleLayers == null || styleLayerWeights.size() != styleLayers.size())) {
            throw usage("--style-layer-weights: give one weight per layer of --style-layers");
        }
        if (styleScale != null && !(styleScale > 0)) {
            throw usage("--style-scale: " + styleScale + " is not a positive factor; give e.g. 0.5 or 2");
        }
        if (!Files.isDirectory(images)) {
            throw usage("--images: " + images + " is not a folder; give the folder of training photos");
        }
        if (resume != null && !Files.isReadable(resume)) {
            throw usage("--resume: " + resume + " not found; give the checkpoint the stopped training wrote");
        }
        requireFolderOf("--output", output);
        if (record != null) {
            requireFolderOf("--record", record);
        }
        if (plot != null) {
            requireFolderOf("--plot", plot);
        }
        String clash = files().clash();
        if (clash != null) {
            throw usage(clash);
        }
    }

    /** What the training reads and writes: no write may hit an input. */
    private RunFiles files() {
        RunFiles files = new RunFiles();
        styles.forEach(style -> files.read("--style", style));
        files.read("--resume", resume);
        files.read("--weights", weights.isFile() ? Path.of(weights.value()) : null);
        files.write("--output", output);
        files.write(RunFiles.STATE, checkpointFile());
        files.write(record != null ? "--record" : "the training record (--record)", recordFile());
        files.write("--plot", plot);
        // Of the photos under --images, only those a write would hit need listing.
        Stream.of(output, checkpointFile(), recordFile(), plot)
                .filter(file -> file != null && FastStyleTrainer.readsImage(images, file))
                .forEach(photo -> files.read("--images", photo));
        return files;
    }

    private Path checkpointFile() {
        return FastStyleTrainer.checkpointBeside(output);
    }

    private Path recordFile() {
        return record != null ? record : Path.of(output + ".json");
    }

    private void requireFolderOf(String option, Path file) {
        Path parent = file.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw usage(option + ": the folder of " + file + " does not exist; create it first");
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
