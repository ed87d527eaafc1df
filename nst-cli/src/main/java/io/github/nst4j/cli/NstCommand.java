package io.github.nst4j.cli;

import io.github.nst4j.Defaults;
import io.github.nst4j.DivergedException;
import io.github.nst4j.InitMode;
import io.github.nst4j.NstException;
import io.github.nst4j.StyleTransfer;
import io.github.nst4j.StyleTransferResult;
import io.github.nst4j.image.ImageWriter;
import io.github.nst4j.image.InputConvention;
import io.github.nst4j.listener.IterationListener;
import io.github.nst4j.model.Pooling;
import io.github.nst4j.weights.WeightsSource;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code nst} command: one style transfer from the command line. */
@Command(name = "nst",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        showDefaultValues = true,
        subcommands = BenchCommand.class,
        description = {
            "Neural style transfer (Gatys, Ecker and Bethge): repaints the content image in the style of"
                    + " the style image by optimising it against VGG19 features.",
            "Without --content it extracts the style alone (texture synthesis from noise)."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  Stylise a photo:",
            "    nst --content photo.jpg --style starry_night.jpg --output out.png",
            "  Larger, longer, with a checkpoint every 100 steps:",
            "    nst --content photo.jpg --style scream.jpg --output out.jpg --size 768 \\",
            "        --iterations 1000 --save-every 100",
            "  Extract the style alone (texture synthesis):",
            "    nst --style starry_night.jpg --output texture.png --size 256",
            "  Offline smoke run (untrained weights, not a real style transfer):",
            "    nst --content photo.jpg --style scream.jpg --output smoke.png --weights random",
            "  Measure speed and memory at 128, 256 and 512 px:",
            "    nst bench"
        })
final class NstCommand implements Callable<Integer> {
    private static final int ANIMATION_FRAME_MILLIS = 200;

    @Spec
    private CommandSpec spec;

    @Option(names = "--content", paramLabel = "FILE|DIR", arity = "1..*",
            description = "Content image(s) (JPEG, PNG, BMP or GIF) or a directory of them. Omit it to extract"
                    + " the style alone.")
    private List<Path> contents = new ArrayList<>();

    @Option(names = "--style", paramLabel = "FILE", arity = "1..*", split = ",",
            description = "Style image(s) (JPEG, PNG, BMP or GIF). Required.")
    private List<Path> styles = new ArrayList<>();

    @Option(names = "--output", paramLabel = "FILE|DIR",
            description = "Output image, .png or .jpg; with several contents or styles, an existing directory that"
                    + " receives <content>_<style>.png. Required.")
    private Path output;

    @Option(names = "--size", paramLabel = "N", defaultValue = "" + Defaults.SIZE,
            description = "Long side of the output in pixels; the aspect ratio is kept.")
    private int size;

    @Option(names = "--width", paramLabel = "N",
            description = "Output width for style extraction (no --content); alone it gives a square."
                    + " Default: the style image's shape at --size.")
    private Integer width;

    @Option(names = "--height", paramLabel = "N",
            description = "Output height for style extraction (no --content).")
    private Integer height;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "" + Defaults.ITERATIONS,
            description = "Number of Adam steps.")
    private int iterations;

    @Option(names = "--content-weight", paramLabel = "W", defaultValue = "" + Defaults.CONTENT_WEIGHT,
            description = "Weight of the content loss.")
    private double contentWeight;

    @Option(names = "--style-weight", paramLabel = "W", defaultValue = "" + Defaults.STYLE_WEIGHT,
            description = "Weight of the style loss.")
    private double styleWeight;

    @Option(names = "--tv-weight", paramLabel = "W", defaultValue = "" + Defaults.TV_WEIGHT,
            description = "Weight of the total-variation (smoothness) loss; 0 turns it off.")
    private double tvWeight;

    @Option(names = "--learning-rate", paramLabel = "R", defaultValue = "" + Defaults.LEARNING_RATE,
            description = "Adam's learning rate, in 0-255 pixel units.")
    private double learningRate;

    @Option(names = "--init", paramLabel = "content|noise", defaultValue = "content",
            description = "Start from the content image or from seeded noise.")
    private InitMode init;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + Defaults.SEED,
            description = "Seed of the noise and of random weights; the same seed gives the same image.")
    private long seed;

    @Option(names = "--pooling", paramLabel = "avg|max", defaultValue = "avg",
            description = "Pooling between VGG19 blocks: avg (the paper's choice) or max (as trained).")
    private Pooling pooling;

    @Option(names = "--weights", paramLabel = "zoo|random|FILE", defaultValue = WeightsOption.ZOO,
            converter = WeightsOptionConverter.class,
            description = "VGG19 weights: zoo (pretrained, downloaded once, ~550 MB), a local file (the zoo's"
                    + " vgg19_dl4j_inference.zip, a Keras VGG19 .h5 or a .npz, see README), or random (untrained; offline smoke"
                    + " runs only, not a real style transfer).")
    private WeightsOption weights;

    @Option(names = "--weights-preprocessing", paramLabel = "caffe|torch",
            description = "Input convention of a weights file: caffe (BGR, 0-255, mean-subtracted) or torch"
                    + " (RGB, 0-1, ImageNet mean/std). Default: caffe for the zoo zip and .h5, torch for .npz.")
    private InputConvention weightsPreprocessing;

    @Option(names = "--save-every", paramLabel = "N", defaultValue = "0",
            description = "Also write the current image every N iterations as <output>_<iteration>.<ext>; 0: never.")
    private int saveEvery;

    @Option(names = "--record", paramLabel = "FILE",
            description = "Where to write the JSON record of the run (settings, weights, backend, losses,"
                    + " times, memory). Default: beside the output, e.g. out.json for out.png.")
    private Path record;

    @Option(names = "--plot", paramLabel = "FILE.png",
            description = "Also write a chart of the losses against the iteration.")
    private Path plot;

    @Option(names = "--animate", paramLabel = "FILE.gif",
            description = "Also write a looping animated GIF of the optimisation: a frame every --save-every"
                    + " iterations (or every 1/40 of the run), then the result.")
    private Path animate;

    @Option(names = "--stacktrace", description = "Print the full stack trace of an error.")
    private boolean stacktrace;

    private WeightsSource weightsSource;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        List<BatchPlan.Job> jobs = plan();
        // Cached: a batch loads the network once.
        weightsSource = weights.source(seed, weightsPreprocessing, new DownloadProgress(err, System.console() != null))
                .cached();
        InterruptGuard interrupt = new InterruptGuard();
        try {
            int exitCode = ExitCode.OK;
            for (BatchPlan.Job job : jobs) {
                if (interrupt.interrupted()) {
                    return ExitCode.INTERRUPTED;
                }
                int code = runOne(job, interrupt);
                exitCode = Math.max(exitCode, code);
            }
            return exitCode;
        } finally {
            interrupt.close();
        }
    }

    /** One style transfer; failures of one batch job are reported and the batch goes on. */
    private int runOne(BatchPlan.Job job, InterruptGuard interrupt) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            StyleTransfer transfer = builder(job).build();
            out.println(summary(job, transfer));
            RunRecorder recorder = new RunRecorder(animate == null ? 0 : frameEvery());
            StyleTransferResult result;
            try (ProgressReporter progress = ProgressReporter.forConsole(err)) {
                IterationListener checkpoints = saveEvery > 0 ? new CheckpointWriter(job.output(), saveEvery, err)
                        : IterationListener.NONE;
                result = transfer.run(event -> {
                    progress.onIteration(event);
                    checkpoints.onIteration(event);
                    recorder.onIteration(event);
                    if (interrupt.interrupted()) {
                        event.requestStop();
                    }
                });
            }
            result.save(job.output());
            writeExtras(job, transfer, result, recorder);
            out.println(String.format(Locale.ROOT, "%s %s (best image after %d of %d steps, %.1f s)",
                    result.stoppedEarly() ? "Interrupted; wrote the best image so far to" : "Wrote", job.output(),
                    result.bestIteration(), result.lossHistory().size(), result.elapsed().toMillis() / 1000.0));
            return result.stoppedEarly() ? ExitCode.INTERRUPTED : ExitCode.OK;
        } catch (DivergedException e) {
            // Keep what was reached before the loss blew up; the run still failed.
            ImageWriter.write(e.bestImage(), job.output());
            return fail(err, e.getMessage() + "; the best image before that was written to " + job.output(), e);
        } catch (NstException e) {
            return fail(err, e.getMessage(), e);
        } catch (OutOfMemoryError e) {
            return fail(err, "Out of memory at size " + size + " (" + e.getMessage()
                    + "); use a smaller --size or give Java more memory (NST_JAVA_OPTS=-Xmx8g)", e);
        }
    }

    /** Animation frames: every --save-every iterations, else about 40 over the run. */
    private int frameEvery() {
        return saveEvery > 0 ? saveEvery : Math.max(1, iterations / 40);
    }

    private void writeExtras(BatchPlan.Job job, StyleTransfer transfer, StyleTransferResult result,
            RunRecorder recorder) {
        RunRecord.write(record != null ? record : RunRecord.besideOutput(job.output()), settings(),
                weightsSource.description() + weightsChecksum(), transfer, result, recorder, job.output());
        if (plot != null) {
            LossPlot.write(recorder.steps(), plot);
        }
        if (animate != null) {
            List<BufferedImage> frames = new ArrayList<>(recorder.frames());
            frames.add(result.image());
            GifAnimation.write(frames, ANIMATION_FRAME_MILLIS, animate);
        }
    }

    /** Every option's value as used, defaults included, for the run record. */
    private Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        for (OptionSpec option : spec.options()) {
            Object value = option.getValue();
            if (option.usageHelp() || option.versionHelp()) {
                continue;
            }
            settings.put(option.longestName(), value == null || value instanceof Number || value instanceof Boolean
                    ? value : value.toString());
        }
        return settings;
    }

    private String weightsChecksum() {
        if (!weights.isFile()) {
            return "";
        }
        try {
            return ", sha256 " + FileDigest.sha256Hex(Path.of(weights.value()));
        } catch (IOException e) {
            return ", sha256 unavailable (" + e.getMessage() + ")";
        }
    }

    /** Checks the options and lists the runs they ask for. */
    private List<BatchPlan.Job> plan() {
        if (styles.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--style=FILE'");
        }
        if (output == null) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--output=FILE'");
        }
        checkNumbers();
        if (BatchPlan.isBatch(contents, styles)) {
            if (!Files.isDirectory(output)) {
                throw new ParameterException(spec.commandLine(), "With several contents or styles, --output must be"
                        + " an existing directory, got " + output);
            }
            if (record != null || plot != null || animate != null) {
                throw new ParameterException(spec.commandLine(),
                        "--record, --plot and --animate name one file; use them for a single run");
            }
            return BatchPlan.batch(contents, styles, output);
        }
        Path content = contents.isEmpty() ? null : contents.get(0);
        checkSingleOutput(content, styles.get(0));
        return BatchPlan.single(content, styles.get(0), output);
    }

    private void checkSingleOutput(Path content, Path style) {
        try {
            ImageWriter.formatOf(output);
        } catch (NstException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if ((width != null || height != null) && content != null) {
            throw new ParameterException(spec.commandLine(),
                    "--width/--height apply only to style extraction; with --content use --size");
        }
        if (animate != null && !animate.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gif")) {
            throw new ParameterException(spec.commandLine(), "--animate must name a .gif file, got " + animate);
        }
        if (plot != null && !plot.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
            throw new ParameterException(spec.commandLine(), "--plot must name a .png file, got " + plot);
        }
        Path directory = output.toAbsolutePath().getParent();
        if (!Files.isDirectory(directory)) {
            throw new ParameterException(spec.commandLine(), "Output directory does not exist: " + directory
                    + " (create it or choose another --output)");
        }
        if (!Files.isWritable(directory)) {
            throw new ParameterException(spec.commandLine(), "Output directory is not writable: " + directory
                    + " (choose another --output)");
        }
        for (Path input : new Path[] {content, style}) {
            if (input != null && input.toAbsolutePath().normalize().equals(output.toAbsolutePath().normalize())) {
                throw new ParameterException(spec.commandLine(), "--output is the same file as input " + input
                        + "; choose another output path so the input is not overwritten");
            }
        }
    }

    private void checkNumbers() {
        positive("--size", size);
        positive("--iterations", iterations);
        positive("--content-weight", contentWeight);
        positive("--style-weight", styleWeight);
        positive("--learning-rate", learningRate);
        if (!(tvWeight >= 0) || Double.isInfinite(tvWeight)) {
            throw new ParameterException(spec.commandLine(), "--tv-weight must be 0 or positive, got " + tvWeight);
        }
        if (saveEvery < 0) {
            throw new ParameterException(spec.commandLine(), "--save-every must be 0 or positive, got " + saveEvery);
        }
        if (weightsPreprocessing != null && !weights.isFile()) {
            throw new ParameterException(spec.commandLine(),
                    "--weights-preprocessing applies only to a weights file; zoo and random weights are Caffe's");
        }
    }

    private void positive(String option, Number value) {
        if (!(value.doubleValue() > 0) || Double.isInfinite(value.doubleValue())) {
            throw new ParameterException(spec.commandLine(), option + " must be positive, got " + value);
        }
    }

    private StyleTransfer.Builder builder(BatchPlan.Job job) {
        StyleTransfer.Builder builder = StyleTransfer.builder()
                .style(job.style())
                .size(size)
                .iterations(iterations)
                .contentWeight(contentWeight)
                .styleWeight(styleWeight)
                .tvWeight(tvWeight)
                .learningRate(learningRate)
                .init(init)
                .seed(seed)
                .pooling(pooling)
                .weights(weightsSource);
        if (job.content() != null) {
            builder.content(job.content());
        }
        if (width != null || height != null) {
            builder.outputSize(width == null ? height : width, height == null ? width : height);
        }
        return builder;
    }

    private String summary(BatchPlan.Job job, StyleTransfer transfer) {
        String what = job.content() == null ? "Extracting the style of " + job.style()
                : "Stylising " + job.content() + " with " + job.style();
        return String.format(Locale.ROOT, "%s at %dx%d px, %d iterations, weights: %s", what,
                transfer.outputWidth(), transfer.outputHeight(), iterations, weightsSource.description());
    }

    private int fail(PrintWriter err, String message, Throwable cause) {
        err.println("nst: error: " + message);
        if (stacktrace) {
            cause.printStackTrace(err);
        }
        return ExitCode.FAILURE;
    }
}
