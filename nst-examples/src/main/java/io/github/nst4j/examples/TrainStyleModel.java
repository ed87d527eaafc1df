package io.github.nst4j.examples;

import io.github.nst4j.fast.FastStyleTrainer;
import io.github.nst4j.fast.TrainingEvent;
import io.github.nst4j.fast.TrainingListener;
import io.github.nst4j.fast.TrainingResult;
import io.github.nst4j.weights.WeightsSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * Trains a fast style model for one painting on a folder of photos, the way an application would
 * (then {@link ApplyStyleModel} stylises any photo in one pass):
 *
 * <pre>
 * nst-examples/run TrainStyleModel painting.jpg photos/ starry.nstm [--steps N] [--crop N] [--weights NAME|FILE]
 * </pre>
 */
@Command(name = "TrainStyleModel", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        description = "Train a fast style model for a painting on a folder of photos.")
public final class TrainStyleModel implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "STYLE", converter = InputImageConverter.class,
            description = "The painting whose style the model learns.")
    private Path style;

    @Parameters(index = "1", paramLabel = "PHOTOS", converter = FolderConverter.class,
            description = "A folder of training photos, searched recursively (COCO's train2014 for a real model).")
    private Path photos;

    @Parameters(index = "2", paramLabel = "MODEL", description = "The model file to write, e.g. starry.nstm.")
    private Path model;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "200",
            description = "Training steps of --batch-size photos (40000, two COCO epochs, for a real model).")
    private int steps;

    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "" + FastStyleTrainer.BATCH_SIZE,
            description = "Photos per step.")
    private int batchSize;

    @Option(names = "--crop", paramLabel = "N", defaultValue = "" + FastStyleTrainer.CROP,
            description = "Side of the random square crops, a multiple of 4.")
    private int crop;

    @Mixin
    private WeightsOption weights;

    /** The configured command line, for {@link #main} and tests. */
    public static CommandLine commandLine() {
        return ExampleCommandLine.of(new TrainStyleModel());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        TrainingResult result = train(style, photos, model, steps, batchSize, crop, weights.source(out),
                new StepLines(out));
        out.printf(Locale.ROOT, "Wrote %s after %d steps%s%n", model, result.steps(), result.skippedImages() == 0 ? ""
                : " (" + result.skippedImages() + " photos skipped: unreadable or smaller than the crop)");
        return 0;
    }

    /**
     * Trains a model for {@code style} on the photos under {@code photos} and writes it to {@code model}.
     *
     * @param progress sees every step
     */
    public static TrainingResult train(Path style, Path photos, Path model, int steps, int batchSize, int crop,
            WeightsSource weights, TrainingListener progress) throws IOException {
        TrainingResult result = FastStyleTrainer.builder()
                .style(style)
                .images(photos)
                .steps(steps)
                .batchSize(batchSize)
                .crop(crop)
                .weights(weights)
                .listener(progress)
                .build()
                .train();
        result.model().save(model);
        return result;
    }

    /** A line at the first step, every tenth of the training and the last: loss, speed and time left. */
    private record StepLines(PrintWriter out) implements TrainingListener {
        @Override
        public void onStep(TrainingEvent event) {
            int every = Math.max(1, event.totalSteps() / 10);
            if (event.step() == 1 || event.step() % every == 0 || event.step() == event.totalSteps()) {
                double secondsPerStep = event.elapsed().toNanos() / 1e9 / event.step();
                long secondsLeft = Math.round(secondsPerStep * (event.totalSteps() - event.step()));
                out.printf(Locale.ROOT, "step %d/%d  loss %.4g  %.2f s/step  ETA %s%n", event.step(), event.totalSteps(),
                        event.losses().total(), secondsPerStep, ProgressLines.clock(secondsLeft));
                out.flush();
            }
        }
    }

    /** A folder argument that exists. */
    static final class FolderConverter implements CommandLine.ITypeConverter<Path> {
        @Override
        public Path convert(String value) {
            Path folder = Path.of(value);
            if (!Files.isDirectory(folder)) {
                throw new TypeConversionException(value + " is not a folder (give the folder of training photos)");
            }
            return folder;
        }
    }
}
