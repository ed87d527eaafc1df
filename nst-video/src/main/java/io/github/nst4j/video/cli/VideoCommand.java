package io.github.nst4j.video.cli;

import io.github.nst4j.Defaults;
import io.github.nst4j.StyleTransferBuilder;
import io.github.nst4j.cli.common.ExitCode;
import io.github.nst4j.cli.common.InterruptGuard;
import io.github.nst4j.cli.common.SettingFlags;
import io.github.nst4j.cli.common.WeightsOption;
import io.github.nst4j.cli.common.WeightsOptionConverter;
import io.github.nst4j.cli.weights.DownloadProgress;
import io.github.nst4j.cli.weights.FileDigest;
import io.github.nst4j.error.InvalidSettingException;
import io.github.nst4j.error.NstException;
import io.github.nst4j.fast.FastStyleModel;
import io.github.nst4j.image.Images;
import io.github.nst4j.video.ClipJob;
import io.github.nst4j.video.VideoStyleTransfer;
import io.github.nst4j.video.io.VideoException;
import io.github.nst4j.video.io.VideoFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code nst video}: a clip or a folder of frames stylised frame by frame without flicker (Ruder et
 * al. 2016), by optimisation with a style image or by a fast style model; see {@link ClipJob}.
 */
@Command(name = "video", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Stylise a video clip (or a folder of frames) so that consecutive frames do not flicker:"
                + " each frame starts from the previous stylised frame warped along the optical flow and is held"
                + " to it where the flow holds (Ruder et al. 2016). The output has the input's frame rate, frame"
                + " count and sound; frames are kept as they are done, so that Ctrl-C loses at most the frame in"
                + " progress and --resume continues after it."},
        footerHeading = "%nExamples:%n",
        footer = {"  nst video --content clip.mp4 --style painting.jpg --output out.mp4 --size 384 --iterations 100",
            "  nst video --content clip.mp4 --model starry.nstm --output out.mp4",
            "  nst video --content frames/%%05d.png --frame-rate 30 --style painting.jpg --output styled/%%05d.png",
            "  nst video --content clip.mp4 --style painting.jpg --output out.mp4 --temporal-weight 0   (no consistency)"})
public final class VideoCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--content", required = true, paramLabel = "CLIP|FRAMES",
            description = "The input: a video file (MP4, MKV, MOV, WebM, AVI...) or numbered frames"
                    + " (frames/%%05d.png, or a folder of %%05d.png), counted from 1.")
    private Path content;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Stylizer stylizer;

    /** A style image (frames are optimised) or a fast style model. */
    static final class Stylizer {
        @Option(names = "--style", required = true, paramLabel = "FILE",
                description = "The style image: each frame is optimised (Gatys et al.).")
        Path style;

        @Option(names = "--model", required = true, paramLabel = "MODEL",
                description = "A fast style model (made by nst train) instead of --style: one pass per frame.")
        Path model;
    }

    @Option(names = "--output", required = true, paramLabel = "FILE|FRAMES",
            description = "The output: a video file (.mp4, .m4v, .mov or .mkv; H.264 and AAC sound), or numbered"
                    + " frames (styled/%%05d.png, or a folder).")
    private Path output;

    @Option(names = "--temporal-weight", paramLabel = "W",
            description = "How strongly each frame is held to the previous one where the flow holds; 0 stylises"
                    + " every frame on its own. With --style the weight of the temporal loss (default "
                    + VideoStyleTransfer.DEFAULT_TEMPORAL_WEIGHT + "), with --model the warped previous output's"
                    + " share against the new one's 1 (default " + VideoStyleTransfer.DEFAULT_BLEND_WEIGHT + ").")
    private Double temporalWeight;

    @Option(names = "--size", paramLabel = "N",
            description = "Long side of the output in pixels (default: the input's size).")
    private Integer size;

    @Option(names = "--frame-rate", paramLabel = "FPS", defaultValue = "25",
            description = "Frames per second of an input frame folder (a video file has its own). Default: 25.")
    private double frameRate;

    @Option(names = "--resume",
            description = "Continue an interrupted run after the frames it wrote (same command otherwise).")
    private boolean resume;

    @Option(names = "--weights", paramLabel = "NAME|FILE", defaultValue = WeightsOption.PRETRAINED,
            converter = WeightsOptionConverter.class, description = "VGG19 weights for the losses, as for nst"
                    + " (pretrained, untrained, random or a file).")
    private WeightsOption weights;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "" + Defaults.ITERATIONS,
            description = "Adam steps per frame. Default: " + Defaults.ITERATIONS + ".")
    private int iterations;

    @Option(names = "--content-weight", paramLabel = "W",
            description = "Weight of the content loss (default: the weights', as for nst).")
    private Double contentWeight;

    @Option(names = "--style-weight", paramLabel = "W", defaultValue = "" + Defaults.STYLE_WEIGHT,
            description = "Weight of the style loss. Default: " + Defaults.STYLE_WEIGHT + ".")
    private double styleWeight;

    @Option(names = "--tv-weight", paramLabel = "W",
            description = "Weight of the total-variation loss (default: the weights', as for nst).")
    private Double tvWeight;

    @Option(names = "--learning-rate", paramLabel = "R", defaultValue = "" + Defaults.LEARNING_RATE,
            description = "Adam's learning rate in 0-255 pixel units. Default: " + Defaults.LEARNING_RATE + ".")
    private double learningRate;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "" + Defaults.SEED,
            description = "Seed of untrained or random weights. Default: " + Defaults.SEED + ".")
    private long seed;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        checkNumbers();
        ClipJob job;
        try {
            job = ClipJob.open(transfer(err), new ClipJob.Request(content, output, size == null ? 0 : size, frameRate,
                    resume, frameSettings()));
        } catch (NstException e) {
            // A clip, model or output that cannot work: one line, before any frame is stylised.
            err.println("nst: error: " + e.getMessage());
            err.flush();
            return ExitCode.USAGE;
        }
        describe(out, job);
        try (InterruptGuard guard = new InterruptGuard("the frames done")) {
            FrameProgress progress = new FrameProgress(out, guard, job.framesDone());
            int done;
            try {
                done = job.run(progress);
            } catch (InvalidSettingException e) {
                // Settings are checked when the first frame's run is built, before anything is written.
                throw usage(SettingFlags.describe(e));
            }
            if (guard.interrupted()) {
                out.printf(Locale.ROOT, "Stopped after frame %d; the frames done are kept. Run the same command with"
                        + " --resume to continue.%n", done);
                out.flush();
                return ExitCode.INTERRUPTED;
            }
            out.printf(Locale.ROOT, "Wrote %s (%d frames)%n", output, done);
            out.flush();
            return ExitCode.OK;
        }
    }

    private VideoStyleTransfer transfer(PrintWriter err) {
        VideoStyleTransfer.Builder builder = VideoStyleTransfer.builder();
        if (stylizer.model != null) {
            if (!Files.isRegularFile(stylizer.model)) {
                throw new NstException("--model: " + stylizer.model + " not found; give the file nst train wrote");
            }
            builder.model(FastStyleModel.load(stylizer.model));
        } else {
            if (!Files.isRegularFile(stylizer.style)) {
                throw new NstException("--style: " + stylizer.style + " not found; check the path");
            }
            builder.style(Images.read(stylizer.style))
                    .weights(weights.source(seed, null, new DownloadProgress(err, System.console() != null)))
                    .settings(this::frameSettings);
        }
        if (temporalWeight != null) {
            builder.temporalWeight(temporalWeight);
        }
        return builder.build();
    }

    private void frameSettings(StyleTransferBuilder frame) {
        frame.iterations(iterations).styleWeight(styleWeight).learningRate(learningRate).seed(seed);
        if (contentWeight != null) {
            frame.contentWeight(contentWeight);
        }
        if (tvWeight != null) {
            frame.tvWeight(tvWeight);
        }
    }

    /**
     * The options the frames depend on, as given (the style or model by name and content), which a
     * resumed run must repeat.
     */
    private Map<String, String> frameSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("--content", content.toAbsolutePath().normalize().toString());
        settings.put("--size", size == null ? "the input's" : String.valueOf(size));
        settings.put("--frame-rate", String.valueOf(frameRate));
        settings.put("--temporal-weight", temporalWeight == null ? "default" : String.valueOf(temporalWeight));
        if (stylizer.model != null) {
            settings.put("--model", fileAndDigest(stylizer.model));
            return settings;
        }
        settings.put("--style", fileAndDigest(stylizer.style));
        settings.put("--weights", weights.toString());
        settings.put("--seed", String.valueOf(seed));
        settings.put("--iterations", String.valueOf(iterations));
        settings.put("--content-weight", contentWeight == null ? "default" : String.valueOf(contentWeight));
        settings.put("--style-weight", String.valueOf(styleWeight));
        settings.put("--tv-weight", tvWeight == null ? "default" : String.valueOf(tvWeight));
        settings.put("--learning-rate", String.valueOf(learningRate));
        return settings;
    }

    /** The file's name and the SHA-256 of its bytes: the same picture under another path is the same style. */
    private static String fileAndDigest(Path file) {
        try {
            return file.getFileName() + " (SHA-256 " + FileDigest.sha256Hex(file) + ")";
        } catch (IOException e) {
            throw new NstException("Cannot read " + file + " (" + e.getMessage() + "); check the file", e);
        }
    }

    private void checkNumbers() {
        if (size != null && size < 32) {
            throw usage("--size: " + size + " px is too small; give at least 32");
        }
        if (iterations < 1) {
            throw usage("--iterations: give at least 1, got " + iterations);
        }
        if (temporalWeight != null && !(temporalWeight >= 0 && Double.isFinite(temporalWeight))) {
            throw usage("--temporal-weight: give 0 or a positive number, got " + temporalWeight);
        }
        if (!(frameRate > 0 && Double.isFinite(frameRate))) {
            throw usage("--frame-rate: give a positive number, got " + frameRate);
        }
    }

    private static void describe(PrintWriter out, ClipJob job) {
        VideoFormat in = job.inputFormat();
        VideoFormat to = job.outputFormat();
        out.printf(Locale.ROOT, "Input: %dx%d px, %.3g frames/s, about %d frames%s; output %dx%d px%n", in.width(),
                in.height(), in.frameRate(), in.frameCount(), in.hasAudio() ? ", with sound" : "", to.width(),
                to.height());
        if (job.framesDone() > 0) {
            out.printf(Locale.ROOT, "Resuming after frame %d%n", job.framesDone());
        }
        out.flush();
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
