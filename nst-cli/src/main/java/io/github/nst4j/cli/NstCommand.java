package io.github.nst4j.cli;

import io.github.nst4j.Mode;
import io.github.nst4j.ResumeState;
import io.github.nst4j.StyleTransfer;
import io.github.nst4j.StyleTransferBuilder;
import io.github.nst4j.error.InvalidSettingException;
import io.github.nst4j.error.NstException;
import io.github.nst4j.image.ImageWriter;
import io.github.nst4j.network.InputConvention;
import io.github.nst4j.weights.WeightsSource;
import io.github.nst4j.weights.download.DownloadException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help;
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
            "    nst --content photo.jpg --style scream.jpg --output out.png --resume out.png.state.npz",
            "  Offline smoke run (untrained weights, not a real style transfer):",
            "    nst --content photo.jpg --style scream.jpg --output smoke.png --weights random",
            "  Measure speed and memory at 128, 256 and 512 px:",
            "    nst bench",
            "  Style transfer in the browser, with a live preview (prints the page's address):",
            "    nst studio"
        })
final class NstCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--content", paramLabel = "FILE|DIR...", arity = "1..*", hideParamSyntax = true,
            showDefaultValue = Help.Visibility.NEVER,
            description = "Content image(s) (JPEG, PNG, BMP or GIF) or a directory of them. Omit it to extract"
                    + " the style alone.")
    private List<Path> contents = new ArrayList<>();

    @Option(names = "--style", paramLabel = "FILE[,FILE...]", arity = "1..*", split = ",", hideParamSyntax = true,
            showDefaultValue = Help.Visibility.NEVER,
            description = "Style image(s) (JPEG, PNG, BMP or GIF): several give one output each, or one blended"
                    + " style with --style-blend. Required except in content mode.")
    private List<Path> styles = new ArrayList<>();

    @Option(names = "--output", paramLabel = "FILE|DIR",
            description = "Output image, .png or .jpg; with several contents or styles, a directory (created if"
                    + " missing) that receives <content>_<style>.png. Required.")
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
                    + " times, memory). Default: the output's file name plus .json, beside it.")
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

    @Option(names = "--estimate", description = "Print the plan (size, scales, tiles) and how long the run would"
            + " take on this machine, timed on its largest tile or scale, then exit without writing anything.")
    private boolean estimateOnly;

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
        InputNotes.report(jobs, err);
        try (InterruptGuard interrupt = new InterruptGuard()) {
            JobRunner runner = new JobRunner(spec.commandLine().getOut(), err, interrupt,
                    new JobRunner.Extras(record, plot, animate, saveEvery, jobs.size() > 1, estimateOnly),
                    weightsSource.description() + weightsChecksum(), this::settings);
            BatchOutcome outcome = new BatchOutcome();
            for (BatchPlan.Job job : jobs) {
                if (interrupt.interrupted()) {
                    return ExitCode.INTERRUPTED;
                }
                int code = runOne(runner, job, resumeState, outcome);
                if (code == ExitCode.INTERRUPTED) {
                    return code;
                }
            }
            if (jobs.size() > 1 && !estimateOnly) {
                spec.commandLine().getOut().println(outcome.summary());
            }
            return outcome.failed() ? ExitCode.FAILURE : ExitCode.OK;
        }
    }

    /** One job; a problem of this job is reported and the batch goes on, a bad setting stops it. */
    private int runOne(JobRunner runner, BatchPlan.Job job, ResumeState resumeState, BatchOutcome outcome) {
        PrintWriter err = spec.commandLine().getErr();
        try {
            int code = runner.run(job, builder(job), resumeState);
            if (!estimateOnly) {
                outcome.written();
            }
            return code;
        } catch (InvalidSettingException e) {
            throw new ParameterException(spec.commandLine(), SettingFlags.describe(e), e);
        } catch (DownloadException e) {
            return outcome.failed(job, e.getMessage(), fail(err, e.getMessage() + " (--weights FILE)", e));
        } catch (NstException e) {
            return outcome.failed(job, e.getMessage(), fail(err, e.getMessage(), e));
        } catch (OutOfMemoryError e) {
            String message = "Out of memory at size " + transfer.size + " (" + e.getMessage()
                    + "); use a smaller --size or give Java more memory (NST_JAVA_OPTS=-Xmx8g)";
            return outcome.failed(job, message, fail(err, message, e));
        }
    }

    /**
     * Every option's value as this run used it, for the run record: the mode and start image as
     * chosen or implied, the record's own path, paths absolute, lists as lists.
     */
    private Map<String, Object> settings(StyleTransfer transfer) {
        Map<String, Object> settings = new LinkedHashMap<>();
        for (OptionSpec option : spec.options()) {
            if (!option.usageHelp() && !option.versionHelp()) {
                settings.put(option.longestName(), RunRecord.value(option.getValue()));
            }
        }
        settings.put("--mode", RunRecord.value(transfer.mode()));
        if (transfer.init() != io.github.nst4j.InitMode.IMAGE) {
            settings.put("--init", RunRecord.value(transfer.init()));
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

    /** Checks the options and lists the runs they ask for, before anything is loaded. */
    private List<BatchPlan.Job> plan() {
        boolean contentMode = transfer.mode == Mode.CONTENT;
        if (styles.isEmpty() && !contentMode) {
            throw usage("Missing required option: '--style=FILE'");
        }
        if (output == null) {
            throw usage("Missing required option: '--output=FILE'");
        }
        transfer.check();
        checkOptions();
        for (Path style : styles) {
            if (Files.isDirectory(style)) {
                throw usage("--style names a directory, " + style + "; give image files (several separated by"
                        + " commas)");
            }
        }
        // Blended or masked styles make one output together; otherwise each style makes its own.
        boolean together = transfer.styleBlend != null || transfer.styleMasks != null;
        if (transfer.styleSourceMasks != null && styles.size() > 1 && !together) {
            throw usage("--style-source-masks with several styles needs --style-blend or --style-masks (one output"
                    + " from them all); for one output per style, run each style with its own source mask");
        }
        List<List<Path>> styleSets = together || styles.isEmpty()
                ? List.of(styles)
                : styles.stream().map(List::of).toList();
        if (BatchPlan.isBatch(contents, styleSets)) {
            return planBatch(styleSets);
        }
        Path content = contents.isEmpty() ? null : contents.get(0);
        checkSingleOutput(content, styleSets.get(0));
        return BatchPlan.single(content, styleSets.get(0), output);
    }

    private List<BatchPlan.Job> planBatch(List<List<Path>> styleSets) {
        if (record != null || plot != null || animate != null || resume != null) {
            throw usage("--record, --plot, --animate and --resume name one file; use them for a single run");
        }
        if (Files.exists(output) && !Files.isDirectory(output)) {
            throw usage("With several contents or styles, --output must be a directory, but " + output
                    + " is a file");
        }
        try {
            if (!estimateOnly) {
                Files.createDirectories(output);
            }
        } catch (IOException e) {
            throw usage("Cannot create the --output directory " + output + " (" + e.getMessage() + ")");
        }
        return BatchPlan.batch(contents, styleSets, output);
    }

    private void checkSingleOutput(Path content, List<Path> styleFiles) {
        // As typed: the Path has already lost a trailing slash.
        String raw = spec.commandLine().getParseResult().matchedOption("--output").stringValues().get(0);
        if (raw.endsWith("/") || Files.isDirectory(output)) {
            throw usage("--output names a directory, " + raw + "; name a file (e.g. " + output.resolve("out.png")
                    + "), or give several contents or styles to fill a directory");
        }
        try {
            ImageWriter.formatOf(output);
        } catch (NstException e) {
            throw usage(e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        problems.add(OutputChecks.problem("--output", output, List.of()));
        problems.add(OutputChecks.problem(record != null ? "--record" : "the run record (--record)",
                record != null ? record : OutputPaths.record(output), List.of()));
        if (plot != null) {
            problems.add(OutputChecks.problem("--plot", plot, List.of(".png")));
        }
        if (animate != null) {
            problems.add(OutputChecks.problem("--animate", animate, List.of(".gif")));
        }
        problems.stream().filter(problem -> problem != null).findFirst().ifPresent(problem -> {
            throw usage(problem);
        });
        List<Path> inputs = new ArrayList<>(styleFiles);
        if (content != null) {
            inputs.add(content);
        }
        for (Path input : inputs) {
            if (input.toAbsolutePath().normalize().equals(output.toAbsolutePath().normalize())) {
                throw usage("--output is the same file as input " + input
                        + "; choose another output path so the input is not overwritten");
            }
        }
    }

    private void checkOptions() {
        if (saveEvery < 0) {
            throw usage("--save-every must be 0 or positive, got " + saveEvery);
        }
        if (weightsPreprocessing != null && !weights.isFile()) {
            throw usage("--weights-preprocessing applies only to a weights file; zoo and random weights are Caffe's");
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private StyleTransferBuilder builder(BatchPlan.Job job) {
        StyleTransferBuilder builder = transfer.apply(StyleTransfer.builder()).weights(weightsSource);
        job.styles().forEach(builder::addStyle);
        if (job.content() != null) {
            builder.content(job.content());
        }
        return builder;
    }

    private int fail(PrintWriter err, String message, Throwable cause) {
        err.println("nst: error: " + message);
        if (stacktrace) {
            cause.printStackTrace(err);
        }
        return ExitCode.FAILURE;
    }
}
