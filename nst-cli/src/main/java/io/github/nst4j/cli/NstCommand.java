package io.github.nst4j.cli;

import io.github.nst4j.Mode;
import io.github.nst4j.ResumeState;
import io.github.nst4j.StyleTransfer;
import io.github.nst4j.StyleTransferBuilder;
import io.github.nst4j.StyleTransferResult;
import io.github.nst4j.error.DivergedException;
import io.github.nst4j.error.InvalidSettingException;
import io.github.nst4j.error.NstException;
import io.github.nst4j.image.ImageWriter;
import io.github.nst4j.image.Images;
import io.github.nst4j.listener.IterationListener;
import io.github.nst4j.network.InputConvention;
import io.github.nst4j.weights.WeightsSource;
import io.github.nst4j.weights.download.DownloadException;
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
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
        defaultValueProvider = CoreDefaults.class,
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
            "  The paper's setting (L-BFGS from noise), keeping the photo's colours:",
            "    nst --content photo.jpg --style scream.jpg --output out.png --optimizer lbfgs \\",
            "        --init noise --preserve-colors luminance",
            "  Two styles blended 70/30, 1024 px coarse to fine in 3 scales:",
            "    nst --content photo.jpg --style a.jpg,b.jpg --style-blend 0.7,0.3 --size 1024 --scales 3 \\",
            "        --output blend.png",
            "  Continue after Ctrl-C (same options plus --resume):",
            "    nst --content photo.jpg --style scream.jpg --output out.png --resume out.state.npz",
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
            description = "Style image(s) (JPEG, PNG, BMP or GIF): several give one output each, or one blended"
                    + " style with --style-blend. Required except in content mode.")
    private List<Path> styles = new ArrayList<>();

    @Option(names = "--output", paramLabel = "FILE|DIR",
            description = "Output image, .png or .jpg; with several contents or styles, an existing directory that"
                    + " receives <content>_<style>.png. Required.")
    private Path output;

    @Mixin
    private TransferOptions transfer;

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

    @Option(names = "--resume", paramLabel = "STATE",
            description = "Continue the interrupted run that wrote STATE (<output>.state.npz); give the same"
                    + " options as that run. The result has the same pixels as an uninterrupted run.")
    private Path resume;

    @Option(names = "--stacktrace", description = "Print the full stack trace of an error.")
    private boolean stacktrace;

    private WeightsSource weightsSource;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        List<BatchPlan.Job> jobs = plan();
        ResumeState resumeState = resume == null ? null : ResumeState.read(resume);
        // Cached: a batch loads the network once.
        weightsSource = weights.source(transfer.seed, weightsPreprocessing,
                new DownloadProgress(err, System.console() != null)).cached();
        InterruptGuard interrupt = new InterruptGuard();
        try {
            int exitCode = ExitCode.OK;
            for (BatchPlan.Job job : jobs) {
                if (interrupt.interrupted()) {
                    return ExitCode.INTERRUPTED;
                }
                exitCode = Math.max(exitCode, runOne(job, resumeState, interrupt));
            }
            return exitCode;
        } finally {
            interrupt.close();
        }
    }

    /** One style transfer; failures of one batch job are reported and the batch goes on. */
    private int runOne(BatchPlan.Job job, ResumeState resumeState, InterruptGuard interrupt) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            StyleTransfer styleTransfer = builder(job).resumeFrom(resumeState).build();
            out.println(summary(job, styleTransfer, resumeState));
            RunRecorder recorder = new RunRecorder(animate == null ? 0 : frameEvery(totalIterations(styleTransfer)));
            StyleTransferResult result;
            try (ProgressReporter progress = ProgressReporter.forConsole(err)) {
                IterationListener checkpoints = saveEvery > 0 ? new CheckpointWriter(job.output(), saveEvery, err)
                        : IterationListener.NONE;
                result = styleTransfer.run(event -> {
                    progress.onIteration(event);
                    checkpoints.onIteration(event);
                    recorder.onIteration(event);
                    if (interrupt.interrupted()) {
                        event.requestStop();
                    }
                });
            }
            result.save(job.output());
            writeExtras(job, styleTransfer, result, recorder);
            if (result.stoppedEarly()) {
                Path statePath = statePath(job.output());
                result.resumeState().write(statePath);
                out.println(String.format(Locale.ROOT, "Interrupted after %d of %d iterations; wrote the best image"
                        + " so far to %s and the state to %s (continue with the same options and --resume %s)",
                        result.lossHistory().size(), totalIterations(styleTransfer), job.output(), statePath,
                        statePath));
                return ExitCode.INTERRUPTED;
            }
            out.println(String.format(Locale.ROOT, "Wrote %s (best image after %d of %d iterations, %.1f s)",
                    job.output(), result.bestIteration(), result.lossHistory().size(),
                    result.elapsed().toMillis() / 1000.0));
            return ExitCode.OK;
        } catch (DivergedException e) {
            // Keep what was reached before the loss blew up; the run still failed.
            ImageWriter.write(e.bestImage(), job.output());
            return fail(err, e.getMessage() + "; the best image before that was written to " + job.output(), e);
        } catch (InvalidSettingException e) {
            // A setting no job can use: a usage error about the option, and the batch stops.
            throw new ParameterException(spec.commandLine(), SettingFlags.describe(e), e);
        } catch (DownloadException e) {
            return fail(err, e.getMessage() + " (--weights FILE)", e);
        } catch (NstException e) {
            return fail(err, e.getMessage(), e);
        } catch (OutOfMemoryError e) {
            return fail(err, "Out of memory at size " + transfer.size + " (" + e.getMessage()
                    + "); use a smaller --size or give Java more memory (NST_JAVA_OPTS=-Xmx8g)", e);
        }
    }

    /** {@code out.png} gets {@code out.state.npz}. */
    static Path statePath(Path output) {
        String name = output.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return output.resolveSibling((dot < 0 ? name : name.substring(0, dot)) + ".state.npz");
    }

    private static int totalIterations(StyleTransfer styleTransfer) {
        return styleTransfer.levels().size() * styleTransfer.iterationsPerLevel();
    }

    /** Animation frames: every --save-every iterations, else about 40 over the run. */
    private int frameEvery(int totalIterations) {
        return saveEvery > 0 ? saveEvery : Math.max(1, totalIterations / 40);
    }

    private void writeExtras(BatchPlan.Job job, StyleTransfer styleTransfer, StyleTransferResult result,
            RunRecorder recorder) {
        RunRecord.write(record != null ? record : RunRecord.besideOutput(job.output()), settings(),
                weightsSource.description() + weightsChecksum(), styleTransfer, result, recorder, job.output());
        if (plot != null) {
            LossPlot.write(recorder.steps(), plot);
        }
        if (animate != null) {
            BufferedImage last = result.image();
            List<BufferedImage> frames = new ArrayList<>();
            // Frames of earlier scales are smaller; a GIF has one size.
            recorder.frames().forEach(frame -> frames.add(Images.resize(frame, last.getWidth(), last.getHeight())));
            frames.add(last);
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
        boolean contentMode = transfer.mode == Mode.CONTENT;
        if (styles.isEmpty() && !contentMode) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--style=FILE'");
        }
        if (output == null) {
            throw new ParameterException(spec.commandLine(), "Missing required option: '--output=FILE'");
        }
        transfer.check();
        checkOptions();
        List<List<Path>> styleSets = transfer.styleBlend != null || styles.isEmpty() ? List.of(styles)
                : styles.stream().map(List::of).toList();
        if (BatchPlan.isBatch(contents, styleSets)) {
            if (!Files.isDirectory(output)) {
                throw new ParameterException(spec.commandLine(), "With several contents or styles, --output must be"
                        + " an existing directory, got " + output);
            }
            if (record != null || plot != null || animate != null || resume != null) {
                throw new ParameterException(spec.commandLine(),
                        "--record, --plot, --animate and --resume name one file; use them for a single run");
            }
            return BatchPlan.batch(contents, styleSets, output);
        }
        Path content = contents.isEmpty() ? null : contents.get(0);
        checkSingleOutput(content, styleSets.get(0));
        return BatchPlan.single(content, styleSets.get(0), output);
    }

    private void checkSingleOutput(Path content, List<Path> styleFiles) {
        try {
            ImageWriter.formatOf(output);
        } catch (NstException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
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
        List<Path> inputs = new ArrayList<>(styleFiles);
        if (content != null) {
            inputs.add(content);
        }
        for (Path input : inputs) {
            if (input.toAbsolutePath().normalize().equals(output.toAbsolutePath().normalize())) {
                throw new ParameterException(spec.commandLine(), "--output is the same file as input " + input
                        + "; choose another output path so the input is not overwritten");
            }
        }
    }

    private void checkOptions() {
        if (saveEvery < 0) {
            throw new ParameterException(spec.commandLine(), "--save-every must be 0 or positive, got " + saveEvery);
        }
        if (weightsPreprocessing != null && !weights.isFile()) {
            throw new ParameterException(spec.commandLine(),
                    "--weights-preprocessing applies only to a weights file; zoo and random weights are Caffe's");
        }
    }

    private StyleTransferBuilder builder(BatchPlan.Job job) {
        StyleTransferBuilder builder = transfer.apply(StyleTransfer.builder()).weights(weightsSource);
        job.styles().forEach(builder::addStyle);
        if (job.content() != null) {
            builder.content(job.content());
        }
        return builder;
    }

    private String summary(BatchPlan.Job job, StyleTransfer styleTransfer, ResumeState resumeState) {
        String styleNames = job.styles().stream().map(Path::toString).collect(Collectors.joining(" + "));
        String what = switch (styleTransfer.mode()) {
            case TEXTURE -> "Synthesising the texture of " + styleNames;
            case CONTENT -> "Reconstructing " + job.content() + " from " + transfer.contentLayers;
            case TRANSFER -> "Stylising " + job.content() + " with " + styleNames;
        };
        String levels = styleTransfer.levels().size() == 1 ? "" : " in " + styleTransfer.levels().size() + " scales ("
                + styleTransfer.levels().stream().map(level -> level.output().toString())
                        .collect(Collectors.joining(", ")) + ")";
        String resumed = resumeState == null ? "" : ", resuming after iteration " + resumeState.iterationsDone();
        return String.format(Locale.ROOT, "%s at %dx%d px%s, %d iterations, %s, weights: %s%s", what,
                styleTransfer.outputWidth(), styleTransfer.outputHeight(), levels, totalIterations(styleTransfer),
                transfer.optimizer.name().toLowerCase(Locale.ROOT), weightsSource.description(), resumed);
    }

    private int fail(PrintWriter err, String message, Throwable cause) {
        err.println("nst: error: " + message);
        if (stacktrace) {
            cause.printStackTrace(err);
        }
        return ExitCode.FAILURE;
    }
}
