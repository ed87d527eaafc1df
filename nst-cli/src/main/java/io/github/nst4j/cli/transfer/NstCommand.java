package io.github.nst4j.cli.transfer;

import io.github.nst4j.Mode;
import io.github.nst4j.ResumeState;
import io.github.nst4j.StyleTransfer;
import io.github.nst4j.StyleTransferBuilder;
import io.github.nst4j.cli.bench.BenchCommand;
import io.github.nst4j.cli.common.ExitCode;
import io.github.nst4j.cli.common.InterruptGuard;
import io.github.nst4j.cli.common.LowerCaseEnumConverter;
import io.github.nst4j.cli.common.Plural;
import io.github.nst4j.cli.common.RunFiles;
import io.github.nst4j.cli.common.SettingFlags;
import io.github.nst4j.cli.common.VersionProvider;
import io.github.nst4j.cli.common.WeightsOption;
import io.github.nst4j.cli.common.WeightsOptionConverter;
import io.github.nst4j.cli.weights.DownloadProgress;
import io.github.nst4j.cli.weights.FileDigest;
import io.github.nst4j.error.InvalidSettingException;
import io.github.nst4j.error.NstException;
import io.github.nst4j.image.ImageWriter;
import io.github.nst4j.image.Images;
import io.github.nst4j.network.InputConvention;
import io.github.nst4j.storage.InputLabels;
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
            "  Without any download (untrained weights: plainer, but a real style transfer):",
            "    nst --content photo.jpg --style scream.jpg --output out.png --weights untrained",
            "  Download the pretrained weights now, for a machine that goes offline later; list the cache:",
            "    nst weights --fetch keras && nst weights",
            "  Score a result against the style (colour, spectrum, gradients):",
            "    nst stats --style scream.jpg out.png",
            "  Measure speed and memory at 128, 256 and 512 px:",
            "    nst bench",
            "  Style transfer in the browser, with a live preview (prints the page's address):",
            "    nst studio"
        })
public final class NstCommand implements Callable<Integer> {

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

    @Option(names = "--weights", paramLabel = "NAME|FILE", defaultValue = WeightsOption.PRETRAINED,
            converter = WeightsOptionConverter.class,
            description = "VGG19 weights: pretrained (trained on ImageNet, downloaded once and kept compact, ~80 MB:"
                    + " the DL4J zoo's, else Keras', else torchvision's, whichever is reached first; nst weights"
                    + " lists them), or zoo, keras or torchvision for that one alone; a local file (a .pth, a Keras"
                    + " VGG19 .h5, a .npz or the zoo's vgg19_dl4j_inference.zip, see README); untrained (no"
                    + " download: random filters drawn to see style, seeded by --seed; a plainer but real style"
                    + " transfer); or random (the zoo model's random initialisation; a pipeline check, not a style"
                    + " transfer).")
    private WeightsOption weights;

    @Option(names = "--weights-preprocessing", paramLabel = "caffe|torch",
            converter = LowerCaseEnumConverter.OfInputConvention.class,
            description = "Input convention of a weights file: caffe (BGR, 0-255, mean-subtracted) or torch"
                    + " (RGB, 0-1, ImageNet mean/std). Default: caffe for the zoo zip and .h5, torch for .npz and"
                    + " .pth.")
    private InputConvention weightsPreprocessing;

    @Option(names = "--save-every", paramLabel = "N", defaultValue = "0",
            description = "Also write the current image every N iterations as <output>_<iteration>.<ext>; 0: never.")
    private int saveEvery;

    @Option(names = "--record", paramLabel = "FILE.json",
            description = "Where to write the JSON record of the run (settings, weights, backend, losses,"
                    + " times, memory), a .json file. Default: beside the output, its name with .json added"
                    + " (out.png.json).")
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
        if (spec.commandLine().getParseResult().originalArgs().isEmpty()) {
            // A bare "nst" is someone finding out what it takes; still not a run, so scripts see a usage error.
            spec.commandLine().usage(err);
            return ExitCode.USAGE;
        }
        BatchPlan.Batch batch = plan();
        List<BatchPlan.Job> jobs = batch.jobs();
        ResumeState resumeState = resume == null ? null : readResume();
        // Cached: a batch loads the network once.
        weightsSource = weights.source(transfer.seed, weightsPreprocessing,
                new DownloadProgress(err, System.console() != null)).cached();
        batch.notes().forEach(note -> err.println("nst: note: " + note));
        InputNotes.report(jobs, err);
        String checksum = weightsChecksum();
        try (InterruptGuard interrupt = new InterruptGuard("the best image so far")) {
            // Asked when written: once loaded, pretrained weights name the source that gave them.
            JobRunner runner = new JobRunner(spec.commandLine().getOut(), err, interrupt,
                    new JobRunner.Extras(record, plot, animate, saveEvery, jobs.size() > 1, estimateOnly),
                    () -> weightsSource.loadedDescription() + checksum, this::settings);
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

    /** The state of --resume; a file that is not one is a bad command line, not a failed run. */
    private ResumeState readResume() {
        try {
            return ResumeState.read(resume);
        } catch (NstException e) {
            throw usage(OutputPaths.outputOfState(resume) != null ? "--resume: " + e.getMessage()
                    : "--resume names " + resume + ", which is not a run state; give the <output>.state.npz file an"
                            + " interrupted run wrote");
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
            // The library's advice names its API; the command's own options replace it.
            String message = e.failure() + "; " + WeightsOption.OFFLINE_CHOICES;
            return outcome.failed(job, message, fail(err, message, e));
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
        // Their defaults depend on the weights: the values the run used.
        settings.put("--content-weight", transfer.contentWeight());
        settings.put("--content-layers", RunRecord.value(transfer.contentLayers()));
        settings.put("--tv-weight", transfer.tvWeight());
        settings.put("--normalize-gradients", transfer.normalizesGradients());
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

    /**
     * Checks the options and every file they name, and lists the runs they ask for, before anything
     * is loaded or written.
     */
    private BatchPlan.Batch plan() {
        boolean contentMode = transfer.mode == Mode.CONTENT;
        if (styles.isEmpty() && !contentMode) {
            throw usage("Missing required option: '--style=FILE'");
        }
        if (output == null) {
            throw usage("Missing required option: '--output=FILE'");
        }
        transfer.check();
        checkOptions();
        checkInputs();
        // Blended or masked styles make one output together; otherwise each style makes its own.
        boolean together = transfer.styleBlend != null || transfer.styleMasks != null;
        if (transfer.styleSourceMasks != null && styles.size() > 1 && !together) {
            throw usage("--style-source-masks with several styles needs --style-blend or --style-masks (one output"
                    + " from them all); for one output per style, run each style with its own source mask");
        }
        List<List<Path>> styleSets = together || styles.isEmpty()
                ? List.of(styles)
                : styles.stream().map(List::of).toList();
        BatchPlan.Batch batch;
        if (BatchPlan.isBatch(contents, styleSets)) {
            batch = planBatch(styleSets);
        } else {
            checkSingleOutput();
            Path content = contents.isEmpty() ? null : contents.get(0);
            batch = new BatchPlan.Batch(BatchPlan.single(content, styleSets.get(0), output), List.of());
        }
        String clash = runFiles(batch.jobs()).clash();
        if (clash != null) {
            throw usage(clash);
        }
        if (batch.jobs().size() > 1 && !estimateOnly) {
            try {
                Files.createDirectories(output);
            } catch (IOException e) {
                throw usage("Cannot create the --output directory " + output + " (" + e.getMessage() + ")");
            }
        }
        return batch;
    }

    /** Every input file is there, and a file where a file is wanted. */
    private void checkInputs() {
        List<String> problems = new ArrayList<>();
        contents.forEach(content -> problems.add(InputChecks.contentProblem(content)));
        styles.forEach(style -> problems.add(InputChecks.fileProblem("--style", style,
                "image files (several separated by commas)")));
        if (transfer.init != null && transfer.init.file() != null) {
            problems.add(InputChecks.fileProblem("--init", transfer.init.file(),
                    "an image file, or content, noise or style"));
        }
        listed(transfer.styleMasks).forEach(mask -> problems.add(InputChecks.fileProblem("--style-masks", mask,
                "one mask image per style, separated by commas")));
        listed(transfer.styleSourceMasks).forEach(mask -> problems.add(InputChecks.fileProblem(
                "--style-source-masks", mask, "one mask image per style, separated by commas")));
        if (resume != null) {
            problems.add(InputChecks.resumeProblem(resume));
        }
        if (weights.isFile()) {
            problems.add(InputChecks.fileProblem("--weights", Path.of(weights.value()), "the weights file in it"));
        }
        problems.stream().filter(problem -> problem != null).findFirst().ifPresent(problem -> {
            throw usage(problem);
        });
    }

    /** Every file the jobs read and write, by the option that names it. */
    private RunFiles runFiles(List<BatchPlan.Job> jobs) {
        RunFiles files = new RunFiles();
        for (BatchPlan.Job job : jobs) {
            files.read("--content", job.content());
            job.styles().forEach(style -> files.read("--style", style));
        }
        files.read("--init", transfer.init == null ? null : transfer.init.file());
        listed(transfer.styleMasks).forEach(mask -> files.read("--style-masks", mask));
        listed(transfer.styleSourceMasks).forEach(mask -> files.read("--style-source-masks", mask));
        files.read("--resume", resume);
        files.read("--weights", weights.isFile() ? Path.of(weights.value()) : null);
        for (BatchPlan.Job job : jobs) {
            String of = jobs.size() > 1 ? " of " + job.label() : "";
            files.write("--output" + of, job.output());
            files.write(record != null ? "--record" : "the run record (--record)" + of,
                    record != null ? record : OutputPaths.record(job.output()));
            files.write(RunFiles.STATE, OutputPaths.state(job.output()));
            files.write("--plot", plot);
            files.write("--animate", animate);
            if (saveEvery > 0) {
                files.writeCheckpoints("--save-every", job.output(), CheckpointWriter::isCheckpointName);
            }
        }
        return files;
    }

    private static List<Path> listed(List<Path> files) {
        return files == null ? List.of() : files;
    }

    private BatchPlan.Batch planBatch(List<List<Path>> styleSets) {
        if (record != null || plot != null || animate != null || resume != null) {
            throw usage("--record, --plot, --animate and --resume name one file; use them for a single run");
        }
        BatchPlan.Batch batch = BatchPlan.batch(contents, styleSets, output);
        boolean file = Files.exists(output) && !Files.isDirectory(output);
        // "single.png" meant one image; quietly making it a folder would surprise.
        boolean namedLikeAnImage = !Files.isDirectory(output) && Images.isInputImage(output.getFileName().toString());
        if (file || namedLikeAnImage) {
            throw usage("With several contents or styles, or a content directory, --output must be a directory ("
                    + Plural.of(batch.jobs().size(), "output") + " here), but " + output
                    + (file ? " is a file" : " is named like an image file") + "; give a directory (created if"
                    + " missing), e.g. " + output.resolveSibling(InputLabels.baseName(output.getFileName().toString())));
        }
        return batch;
    }

    private void checkSingleOutput() {
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
        String recordName = OutputPaths.record(output).getFileName().toString();
        problems.add(OutputChecks.problem("--output", output, List.of(), "out.png"));
        problems.add(OutputChecks.problem(record != null ? "--record" : "the run record (--record)",
                record != null ? record : OutputPaths.record(output), List.of(".json"), recordName));
        if (plot != null) {
            problems.add(OutputChecks.problem("--plot", plot, List.of(".png"), "losses.png"));
        }
        if (animate != null) {
            problems.add(OutputChecks.problem("--animate", animate, List.of(".gif"), "run.gif"));
        }
        problems.stream().filter(problem -> problem != null).findFirst().ifPresent(problem -> {
            throw usage(problem);
        });
    }

    private void checkOptions() {
        if (saveEvery < 0) {
            throw usage("--save-every must be 0 or positive, got " + saveEvery);
        }
        if (weightsPreprocessing != null && !weights.isFile()) {
            throw usage("--weights-preprocessing applies only to a weights file; downloaded, untrained and random"
                    + " weights bring their own");
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
