package io.github.nst4j.cli.transfer;

import io.github.nst4j.ColorPreservation;
import io.github.nst4j.Defaults;
import io.github.nst4j.Mode;
import io.github.nst4j.Optimizer;
import io.github.nst4j.StyleTransferBuilder;
import io.github.nst4j.cli.common.LowerCaseEnumConverter;
import io.github.nst4j.cli.common.MemorySizeConverter;
import io.github.nst4j.cli.common.NumberListPreprocessor;
import io.github.nst4j.cli.common.Plural;
import io.github.nst4j.cli.common.SettingFlags;
import io.github.nst4j.cli.common.StyleLayers;
import io.github.nst4j.cli.common.VggLayerConverter;
import io.github.nst4j.network.Pooling;
import io.github.nst4j.network.VggLayer;
import io.github.nst4j.weights.WeightsDefaults;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options that shape the optimisation itself, checked and handed to a {@link StyleTransferBuilder}.
 * Public as a picocli mixin for other front ends (nst-spark), which take the same settings under the
 * same names, with {@link CoreDefaults}.
 */
public final class TransferOptions {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--mode", paramLabel = "transfer|texture|content",
            converter = LowerCaseEnumConverter.OfMode.class,
            description = "transfer: content in the style; texture: the style alone from noise (no --content);"
                    + " content: reconstruct --content from one layer's activations (no --style)."
                    + " Default: transfer with --content, texture without.")
    Mode mode;

    @Option(names = "--size", paramLabel = "N",
            description = "Long side of the output in pixels; the aspect ratio is kept, and the short side must come"
                    + " to at least 32 px.")
    int size;

    @Option(names = "--width", paramLabel = "N",
            description = "Output width in texture mode; alone it gives a square. Default: the style image's shape"
                    + " at --size.")
    Integer width;

    @Option(names = "--height", paramLabel = "N", description = "Output height in texture mode.")
    Integer height;

    @Option(names = "--iterations", paramLabel = "N",
            description = "Loss evaluations per scale: Adam steps, or L-BFGS function evaluations.")
    int iterations;

    @Option(names = "--content-weight", paramLabel = "W",
            description = "Weight of the content loss.%nDefault: " + Defaults.CONTENT_WEIGHT + " ("
                    + WeightsDefaults.UNTRAINED_CONTENT_WEIGHT + " with --weights untrained)")
    Double contentWeight;

    @Option(names = "--style-weight", paramLabel = "W",
            description = "Weight of the style loss.")
    double styleWeight;

    @Option(names = "--tv-weight", paramLabel = "W",
            description = "Weight of the total-variation (smoothness) loss; 0 turns it off.%n"
                    + "Default: " + Defaults.TV_WEIGHT + " (0 with --weights untrained)")
    Double tvWeight;

    @Option(names = "--optimizer", paramLabel = "adam|lbfgs", converter = LowerCaseEnumConverter.OfOptimizer.class,
            description = "adam: steady steps; lbfgs: L-BFGS with a line search, usually lower loss in fewer"
                    + " iterations but 2 x --lbfgs-memory image-sized arrays of memory.")
    Optimizer optimizer;

    @Option(names = "--learning-rate", paramLabel = "R",
            description = "Adam's learning rate in 0-255 pixel units; for L-BFGS the largest pixel change of its"
                    + " first step.")
    double learningRate;

    @Option(names = "--lbfgs-memory", paramLabel = "N",
            description = "Steps of curvature L-BFGS remembers.")
    int lbfgsMemory;

    @Option(names = "--init", paramLabel = "content|noise|style|FILE", converter = InitOption.Converter.class,
            description = "Start image: the content, seeded noise, the (first) style, or an image file."
                    + " Default: content for transfer, noise otherwise.")
    InitOption init;

    @Option(names = "--init-noise-ratio", paramLabel = "R",
            description = "Share of noise blended into the start image, 0 to 1.")
    double initNoiseRatio;

    @Option(names = "--seed", paramLabel = "N",
            description = "Seed of the noise and of random weights; the same seed gives the same image.")
    long seed;

    @Option(names = "--pooling", paramLabel = "avg|max", converter = LowerCaseEnumConverter.OfPooling.class,
            description = "Pooling between VGG19 blocks: avg (the paper's choice) or max (as trained).")
    Pooling pooling;

    @Option(names = {"--content-layers", "--content-layer"}, paramLabel = "LAYER[,LAYER...]", split = ",", hideParamSyntax = true,
            converter = VggLayerConverter.class,
            description = "Layers the content loss compares, by zoo name (block1_conv1 ... block5_conv4).%n"
                    + "Default: block4_conv2 (block3_conv2 with --weights untrained)")
    List<VggLayer> contentLayers;

    @Option(names = "--style-layers", paramLabel = "LAYER[,LAYER...]", split = ",", hideParamSyntax = true,
            converter = VggLayerConverter.class,
            description = "Layers whose Gram matrices the style loss compares.")
    List<VggLayer> styleLayers;

    @Option(names = "--style-layer-weights", paramLabel = "W[,W...]", split = ",", hideParamSyntax = true,
            preprocessor = NumberListPreprocessor.class,
            description = "Weight of each style layer, in the order of --style-layers. Default: 1 each.")
    List<Double> styleLayerWeights;

    @Option(names = "--style-blend", paramLabel = "W[,W...]", split = ",", hideParamSyntax = true,
            preprocessor = NumberListPreprocessor.class,
            description = "Blend the --style images into one style with these weights (normalised to sum 1),"
                    + " instead of one output per style.")
    List<Double> styleBlend;

    @Option(names = "--style-masks", paramLabel = "FILE[,FILE...]", split = ",", hideParamSyntax = true,
            description = "One mask per --style image, painted over the output: white where that style applies,"
                    + " black where not, grey for partly; the styles then share one output, each in its region. A mask"
                    + " of another shape is centre-cropped to the output's, as --init images are.")
    List<Path> styleMasks;

    @Option(names = "--style-source-masks", paramLabel = "FILE[,FILE...]", split = ",", hideParamSyntax = true,
            description = "One mask per --style image, painted over that painting: white where its style is taken"
                    + " from, black where not (a transparent style is masked by its alpha the same way).")
    List<Path> styleSourceMasks;

    @Option(names = "--style-scale", paramLabel = "F",
            description = "Resize the style to F x the output's long side before taking its Gram matrices:"
                    + " below 1 gives finer strokes, above 1 coarser ones.")
    double styleScale;

    @Option(names = "--preserve-colors", paramLabel = "none|luminance|histogram",
            converter = LowerCaseEnumConverter.OfColorPreservation.class,
            description = "Keep the content's colours: luminance (transfer in luminance only, keep the content's"
                    + " chroma) or histogram (recolour the style to the content's colour mean and covariance).")
    ColorPreservation colors;

    @Option(names = "--scales", paramLabel = "N",
            description = "Coarse to fine in N scales: the long side grows by 1.41 per scale up to --size,"
                    + " --iterations at each.")
    int scales;

    @Option(names = "--start-size", paramLabel = "N",
            description = "Coarse to fine from this long side, growing by 1.41 per scale up to --size.")
    Integer startSize;

    @Option(names = "--normalize-gradients", negatable = true,
            description = "L1-normalise each content and style layer's gradient before it goes back through the"
                    + " network (neural-style's -normalize_gradients): the weights then set the balance whatever the"
                    + " magnitude of the features. Default: on with --weights untrained, off otherwise.")
    Boolean normalizeGradients;

    @Option(names = "--tolerance", paramLabel = "T",
            description = "Stop a scale early once the best loss improved by less than this fraction (e.g. 0.001)"
                    + " over the last --tolerance-window iterations; 0: never.")
    double tolerance;

    @Option(names = "--tolerance-window", paramLabel = "N",
            description = "Iterations --tolerance measures the improvement over.")
    int toleranceWindow;

    @Option(names = "--low-memory",
            description = "Free each intermediate array as soon as a step is done with it instead of recycling it:"
                    + " a little less peak memory for a slower iteration; for when that decides whether a size fits."
                    + " Same result.")
    boolean lowMemory;

    @Option(names = "--max-memory", paramLabel = "SIZE", converter = MemorySizeConverter.class,
            showDefaultValue = Help.Visibility.NEVER,
            description = "Memory the run may use (e.g. 4g, 1500m; default: 90%% of this machine's,"
                    + " within the JVM's limit). A scale too large for it is optimised in overlapping tiles.")
    Long maxMemory;

    @Option(names = "--tile", paramLabel = "N", showDefaultValue = Help.Visibility.NEVER,
            description = "Optimise in tiles of at most N px whatever the memory (at least 392 with the default"
                    + " layers); default: tiles only when the memory requires them.")
    Integer tileSize;

    /**
     * Rejects combinations that only the command line can get wrong; the values themselves are
     * checked by the library, whose complaints {@link SettingFlags} maps back to these options.
     */
    public void check() {
        if (styleLayerWeights != null && styleLayerWeights.size() != styleLayers.size()) {
            fail("--style-layer-weights needs one weight per style layer: " + Plural.of(styleLayers.size(), "layer")
                    + ", " + Plural.of(styleLayerWeights.size(), "weight"));
        }
        if (startSize != null && scales != 1) {
            fail("Give either --scales or --start-size, not both");
        }
    }

    /** Seed of the noise and of random weights ({@code --seed}). */
    public long seed() {
        return seed;
    }

    /** Applies every option to {@code builder}. */
    public StyleTransferBuilder apply(StyleTransferBuilder builder) {
        builder.size(size)
                .iterations(iterations)
                .styleWeight(styleWeight)
                .optimizer(optimizer)
                .learningRate(learningRate)
                .lbfgsMemory(lbfgsMemory)
                .initNoiseRatio(initNoiseRatio)
                .seed(seed)
                .pooling(pooling)
                .styleLayers(StyleLayers.weighted(styleLayers, styleLayerWeights))
                .styleScale(styleScale)
                .preserveColors(colors)
                .lowMemory(lowMemory)
                .tolerance(tolerance)
                .toleranceWindow(toleranceWindow)
                .mode(mode);
        // Unset, these take the defaults of the weights (WeightsSource.runDefaults).
        if (contentWeight != null) {
            builder.contentWeight(contentWeight);
        }
        if (contentLayers != null) {
            builder.contentLayers(EnumSet.copyOf(contentLayers));
        }
        if (tvWeight != null) {
            builder.tvWeight(tvWeight);
        }
        if (normalizeGradients != null) {
            builder.normalizeGradients(normalizeGradients);
        }
        if (styleBlend != null) {
            builder.styleBlend(styleBlend);
        }
        if (styleMasks != null) {
            styleMasks.forEach(builder::addStyleMask);
        }
        if (styleSourceMasks != null) {
            styleSourceMasks.forEach(builder::addStyleSourceMask);
        }
        if (init != null && init.file() != null) {
            builder.initImage(init.file());
        } else if (init != null) {
            builder.init(init.mode());
        }
        if (maxMemory != null) {
            builder.maxMemory(maxMemory);
        }
        if (tileSize != null) {
            builder.tileSize(tileSize);
        }
        if (startSize != null) {
            builder.startSize(startSize);
        } else {
            builder.levels(scales);
        }
        if (width != null || height != null) {
            builder.outputSize(width == null ? height : width, height == null ? width : height);
        }
        return builder;
    }

    private void fail(String message) {
        throw new ParameterException(spec.commandLine(), message);
    }
}
