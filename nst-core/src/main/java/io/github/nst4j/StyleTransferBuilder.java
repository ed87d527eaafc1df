package io.github.nst4j;

import io.github.nst4j.error.InvalidSettingException;
import io.github.nst4j.error.NstException;
import io.github.nst4j.image.ImageSource;
import io.github.nst4j.network.Pooling;
import io.github.nst4j.network.VggLayer;
import io.github.nst4j.weights.WeightsDefaults;
import io.github.nst4j.weights.WeightsSource;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Settings of a {@link StyleTransfer}, all with {@link Defaults}; {@link #build()} reads the images
 * and validates everything, so a bad setting fails before minutes of work.
 */
public final class StyleTransferBuilder {
    private ImageSource content;
    private final List<ImageSource> styles = new ArrayList<>();
    private final List<ImageSource> styleMasks = new ArrayList<>();
    private final List<ImageSource> styleSourceMasks = new ArrayList<>();
    private List<Double> styleBlend;
    private ImageSource initImage;
    private Mode mode;
    private int size = Defaults.SIZE;
    private int width;
    private int height;
    private int iterations = Defaults.ITERATIONS;
    /** Null, as the other boxed settings: the weights' default ({@link WeightsSource#runDefaults()}). */
    private Double contentWeight;
    private double styleWeight = Defaults.STYLE_WEIGHT;
    private Double tvWeight;
    private Optimizer optimizer = Defaults.OPTIMIZER;
    private double learningRate = Defaults.LEARNING_RATE;
    private int lbfgsMemory = Defaults.LBFGS_MEMORY;
    private InitMode init;
    private double initNoiseRatio = Defaults.INIT_NOISE_RATIO;
    private long seed = Defaults.SEED;
    private Pooling pooling = Defaults.POOLING;
    private WeightsSource weights;
    private Set<VggLayer> contentLayers;
    private Map<VggLayer, Double> styleLayers = Defaults.styleLayers();
    private double styleScale = Defaults.STYLE_SCALE;
    private ColorPreservation colors = Defaults.COLORS;
    private int levels = Defaults.LEVELS;
    private int startSize;
    private double tolerance = Defaults.TOLERANCE;
    private int toleranceWindow = Defaults.TOLERANCE_WINDOW;
    private Boolean normalizeGradients;
    private ResumeState resumeFrom;
    private boolean lowMemory;
    private long maxMemory;
    private int tileSize;
    private TemporalImages temporalTarget;

    StyleTransferBuilder() {
    }

    /** Refuses a null argument with a sentence rather than a NullPointerException later, inside {@link #build()}. */
    private static void given(Object value, String setting) {
        InvalidSettingException.require(value != null, setting, setting + "(...) was given null; pass a value"
                + " (leave the call out to keep the default)");
    }

    /** The content image file (JPEG, PNG, BMP or GIF); omit it for texture synthesis. */
    public StyleTransferBuilder content(Path file) {
        given(file, "content");
        this.content = ImageSource.of(file);
        return this;
    }

    /** The content image; omit it for texture synthesis. */
    public StyleTransferBuilder content(BufferedImage image) {
        given(image, "content");
        this.content = ImageSource.of(image);
        return this;
    }

    /** The style image file; replaces any style given before. */
    public StyleTransferBuilder style(Path file) {
        given(file, "style");
        styles.clear();
        styles.add(ImageSource.of(file));
        return this;
    }

    /** The style image; replaces any style given before. */
    public StyleTransferBuilder style(BufferedImage image) {
        given(image, "style");
        styles.clear();
        styles.add(ImageSource.of(image));
        return this;
    }

    /** Adds one more style image file to blend (see {@link #styleBlend}). */
    public StyleTransferBuilder addStyle(Path file) {
        given(file, "addStyle");
        styles.add(ImageSource.of(file));
        return this;
    }

    /** Adds one more style image to blend (see {@link #styleBlend}). */
    public StyleTransferBuilder addStyle(BufferedImage image) {
        given(image, "addStyle");
        styles.add(ImageSource.of(image));
        return this;
    }

    /**
     * A mask for the next style image, in the order the styles are given (give one per style, or
     * none): white where that style should apply, black where not, grey for partly; any size (it is
     * resized to the output, centre-cropped first to the output's shape as a start image is). Each style is then matched only inside its mask, by the Gram matrix of
     * the output's features there (Gatys et al., CVPR 2017), instead of blended everywhere; where no
     * mask is white the content and smoothness terms alone shape the image.
     */
    public StyleTransferBuilder addStyleMask(Path file) {
        given(file, "addStyleMask");
        styleMasks.add(ImageSource.of(file));
        return this;
    }

    /** As {@link #addStyleMask(Path)}, from an image in memory. */
    public StyleTransferBuilder addStyleMask(BufferedImage image) {
        given(image, "addStyleMask");
        styleMasks.add(ImageSource.of(image));
        return this;
    }

    /**
     * A mask over the next style image, in the order the styles are given (give one per style, or
     * none): white where the style is taken from, black where not, grey for partly; any size (it is
     * resized to the style image). The style's Gram matrices then describe that region of the painting
     * alone, normalised by its area. A transparent style image is masked by its alpha the same way.
     */
    public StyleTransferBuilder addStyleSourceMask(Path file) {
        given(file, "addStyleSourceMask");
        styleSourceMasks.add(ImageSource.of(file));
        return this;
    }

    /** As {@link #addStyleSourceMask(Path)}, from an image in memory. */
    public StyleTransferBuilder addStyleSourceMask(BufferedImage image) {
        given(image, "addStyleSourceMask");
        styleSourceMasks.add(ImageSource.of(image));
        return this;
    }

    /**
     * Blend weights of the style images, one each, in the order given (default: equal). They are
     * normalised to sum to 1; the style target of each layer is {@code Σ weight·Gram(style)}.
     */
    public StyleTransferBuilder styleBlend(List<Double> weights) {
        given(weights, "styleBlend");
        this.styleBlend = List.copyOf(weights);
        return this;
    }

    /**
     * Style images are resized so that their long side is {@code factor} times the output's long
     * side (default 1) before their Gram matrices are taken: below 1 gives finer brush strokes,
     * above 1 coarser ones.
     */
    public StyleTransferBuilder styleScale(double factor) {
        this.styleScale = factor;
        return this;
    }

    /**
     * What to reconstruct (default, or null: transfer with a content image, texture synthesis
     * without one).
     */
    public StyleTransferBuilder mode(Mode value) {
        this.mode = value;
        return this;
    }

    /** Long side of the output in pixels (default {@value Defaults#SIZE}); the content's aspect ratio is kept. */
    public StyleTransferBuilder size(int pixels) {
        this.size = pixels;
        return this;
    }

    /** Exact output size for texture synthesis; overrides {@link #size}. */
    public StyleTransferBuilder outputSize(int outputWidth, int outputHeight) {
        this.width = outputWidth;
        this.height = outputHeight;
        return this;
    }

    /** Loss evaluations per pyramid level (default {@value Defaults#ITERATIONS}): Adam steps, or L-BFGS function evaluations. */
    public StyleTransferBuilder iterations(int count) {
        this.iterations = count;
        return this;
    }

    /**
     * Weight of the content loss. Default {@value Defaults#CONTENT_WEIGHT}, or 100 with
     * {@linkplain WeightsSource#untrained(long) untrained weights} ({@link WeightsSource#runDefaults()}).
     */
    public StyleTransferBuilder contentWeight(double weight) {
        this.contentWeight = weight;
        return this;
    }

    /** Weight of the style loss (default {@value Defaults#STYLE_WEIGHT}). */
    public StyleTransferBuilder styleWeight(double weight) {
        this.styleWeight = weight;
        return this;
    }

    /**
     * Weight of the total-variation loss; 0 turns it off. Default {@value Defaults#TV_WEIGHT}, or 0
     * with {@linkplain WeightsSource#untrained(long) untrained weights}, whose normalised style
     * gradients it would smooth away.
     */
    public StyleTransferBuilder tvWeight(double weight) {
        this.tvWeight = weight;
        return this;
    }

    /** Adam (default, or null) or L-BFGS. */
    public StyleTransferBuilder optimizer(Optimizer value) {
        this.optimizer = value == null ? Defaults.OPTIMIZER : value;
        return this;
    }

    /**
     * Adam's learning rate in 0-255 pixel units (default {@value Defaults#LEARNING_RATE}); for
     * L-BFGS, the largest pixel change of its first step.
     */
    public StyleTransferBuilder learningRate(double rate) {
        this.learningRate = rate;
        return this;
    }

    /** Steps of curvature L-BFGS remembers (default {@value Defaults#LBFGS_MEMORY}); each costs two image-sized arrays. */
    public StyleTransferBuilder lbfgsMemory(int steps) {
        this.lbfgsMemory = steps;
        return this;
    }

    /** Where to start (default, or null: the content image for transfer, noise otherwise). */
    public StyleTransferBuilder init(InitMode mode) {
        this.init = mode;
        return this;
    }

    /** Start from this image file, centre-cropped to the output's shape and resized; sets {@link InitMode#IMAGE}. */
    public StyleTransferBuilder initImage(Path file) {
        given(file, "initImage");
        this.initImage = ImageSource.of(file);
        this.init = InitMode.IMAGE;
        return this;
    }

    /** Start from this image, centre-cropped to the output's shape and resized; sets {@link InitMode#IMAGE}. */
    public StyleTransferBuilder initImage(BufferedImage image) {
        given(image, "initImage");
        this.initImage = ImageSource.of(image);
        this.init = InitMode.IMAGE;
        return this;
    }

    /** Share of noise blended into the start image, 0 (default) to 1: {@code ratio·noise + (1 − ratio)·start}. */
    public StyleTransferBuilder initNoiseRatio(double ratio) {
        this.initNoiseRatio = ratio;
        return this;
    }

    /** Seed of the noise (default {@value Defaults#SEED}); same seed, same result. */
    public StyleTransferBuilder seed(long value) {
        this.seed = value;
        return this;
    }

    /** Pooling between blocks (default, or null: {@link Pooling#AVG}, as in the paper). */
    public StyleTransferBuilder pooling(Pooling kind) {
        this.pooling = kind == null ? Defaults.POOLING : kind;
        return this;
    }

    /** Where the VGG19 weights come from (default {@link WeightsSource#pretrained()}). */
    public StyleTransferBuilder weights(WeightsSource source) {
        given(source, "weights");
        this.weights = source;
        return this;
    }

    /**
     * The one layer whose activations the content loss compares (default {@code block4_conv2}, or
     * {@code block3_conv2} with {@linkplain WeightsSource#untrained(long) untrained weights}).
     */
    public StyleTransferBuilder contentLayer(VggLayer layer) {
        given(layer, "contentLayer");
        return contentLayers(Set.of(layer));
    }

    /** The layers whose activations the content loss compares, summed with weight 1 each. */
    public StyleTransferBuilder contentLayers(Set<VggLayer> layers) {
        given(layers, "contentLayers");
        this.contentLayers = layers.isEmpty() ? EnumSet.noneOf(VggLayer.class) : EnumSet.copyOf(layers);
        return this;
    }

    /** Style layers and their weights (default: {@link Defaults#styleLayers()}). */
    public StyleTransferBuilder styleLayers(Map<VggLayer, Double> layersAndWeights) {
        given(layersAndWeights, "styleLayers");
        this.styleLayers = new EnumMap<>(layersAndWeights);
        return this;
    }

    /** Keep the content's colours by luminance-only transfer or by recolouring the style (default, or null: neither). */
    public StyleTransferBuilder preserveColors(ColorPreservation value) {
        this.colors = value == null ? Defaults.COLORS : value;
        return this;
    }

    /**
     * Coarse to fine in {@code count} pyramid levels (default 1): the long side grows by √2 per level
     * up to {@link #size}, each level starting from the previous result, upsampled.
     */
    public StyleTransferBuilder levels(int count) {
        this.levels = count;
        this.startSize = 0;
        return this;
    }

    /** Coarse to fine from this long side, growing by √2 per level up to {@link #size}. */
    public StyleTransferBuilder startSize(int pixels) {
        this.startSize = pixels;
        this.levels = 1;
        return this;
    }

    /** Continue an interrupted run; every other setting must be the same as that run's. */
    public StyleTransferBuilder resumeFrom(ResumeState state) {
        this.resumeFrom = state;
        return this;
    }

    /**
     * Lets each pyramid level stop early once the best total loss has improved by less than
     * {@code fraction} (for example 0.001, a tenth of a percent) over the last
     * {@link #toleranceWindow} iterations (default {@value Defaults#TOLERANCE}: never). The result
     * says which levels stopped and why ({@link StyleTransferResult#earlyStops()}).
     */
    public StyleTransferBuilder tolerance(double fraction) {
        this.tolerance = fraction;
        return this;
    }

    /**
     * How many iterations {@link #tolerance} measures the improvement over (default
     * {@value Defaults#TOLERANCE_WINDOW}).
     */
    public StyleTransferBuilder toleranceWindow(int iterations) {
        this.toleranceWindow = iterations;
        return this;
    }

    /**
     * L1-normalises each content and style term's gradient at its layer before it goes back through
     * the network, then weighs it by the term's weight (neural-style's {@code -normalize_gradients}):
     * the weights then set the balance of the terms whatever the magnitude of the
     * network's features, as with weights of another origin than the zoo's. Loss values are
     * reported unnormalised. Default: on with {@linkplain WeightsSource#untrained(long) untrained
     * weights}, off with any other.
     */
    public StyleTransferBuilder normalizeGradients(boolean enabled) {
        this.normalizeGradients = enabled;
        return this;
    }

    /**
     * Frees every intermediate array as soon as a step is done with it, instead of recycling it for
     * the next step (default false): a somewhat lower peak for a slower iteration, for when that
     * decides whether a size fits (the memory check then allows larger outputs). The result is the
     * same either way.
     */
    public StyleTransferBuilder lowMemory(boolean enabled) {
        this.lowMemory = enabled;
        return this;
    }

    /**
     * The memory the run may use, in bytes (default 0: what this machine and JVM allow, 90% of the
     * physical memory within JavaCPP's limit, which follows -Xmx). A pyramid level that would not fit
     * whole is optimised in overlapping tiles that do (see {@link #tileSize}); only an output that does
     * not fit even in the smallest tiles is refused.
     */
    public StyleTransferBuilder maxMemory(long bytes) {
        this.maxMemory = bytes;
        return this;
    }

    /**
     * Optimises every pyramid level whose long side exceeds {@code pixels} in tiles of at most that
     * many pixels a side, memory or not (default 0: tiles only where the memory budget requires them).
     * Each tile is matched against the Gram matrices of the whole style image, with a margin of pixels
     * around what it keeps so that the network's zero padding does not reach it (86 px with the default
     * layers); the tiles must therefore be at least four times that plus 48 px (392 px), so that a tile
     * keeps at least half its width and the margins do not multiply the work.
     */
    public StyleTransferBuilder tileSize(int pixels) {
        this.tileSize = pixels;
        return this;
    }

    /**
     * Makes the run one frame of a video (Ruder, Dosovitskiy and Brox, "Artistic style transfer for
     * videos", 2016): the objective gains {@code weight × mean(c·(x − warped)²)} over the output's
     * pixel values (0-255 units), which holds the output to the previous stylised frame where the
     * scene carried over, so that consecutive frames do not flicker. Usually combined with
     * {@link #initImage(BufferedImage) initImage(warped)}. Both images are centre-cropped to the
     * output's shape and resized, as a start image is; the term is reported as
     * {@link io.github.nst4j.listener.LossValues#temporal()}. Not available for outputs large enough
     * to be optimised in tiles.
     *
     * @param warped the previous stylised frame warped into this one along the optical flow
     * @param mask {@code c}: white where the warp holds, black where the flow says the pixel was
     *     occluded or disoccluded or lies on a motion boundary; the size of {@code warped}
     * @param weight the term's weight; 0 leaves it out
     */
    public StyleTransferBuilder temporalTarget(BufferedImage warped, BufferedImage mask, double weight) {
        given(warped, "temporalTarget");
        given(mask, "temporalTarget");
        this.temporalTarget = new TemporalImages(warped, mask, weight);
        return this;
    }

    /**
     * Checks every setting, reads the images and plans the run, including that it fits in this
     * machine's memory.
     *
     * @throws InvalidSettingException naming the first setting that cannot work
     * @throws NstException if an image cannot be read
     */
    public StyleTransfer build() {
        WeightsDefaults defaults = weights == null ? WeightsDefaults.TRAINED : weights.runDefaults();
        double contentWeight = this.contentWeight != null ? this.contentWeight : defaults.contentWeight();
        Set<VggLayer> contentLayers = this.contentLayers != null ? this.contentLayers
                : EnumSet.copyOf(defaults.contentLayers());
        double tvWeight = this.tvWeight != null ? this.tvWeight : defaults.tvWeight();
        boolean normalizeGradients = this.normalizeGradients != null ? this.normalizeGradients
                : defaults.normalizeGradients();
        return RunPreparation.prepare(new StyleTransferRequest(content, styles, styleMasks, styleSourceMasks, styleBlend, styleScale, initImage, mode,
                size, width, height, iterations, contentWeight, styleWeight, tvWeight, optimizer, learningRate,
                lbfgsMemory, init, initNoiseRatio, seed, pooling, weights, contentLayers, styleLayers, colors, levels,
                startSize, tolerance, toleranceWindow, normalizeGradients, resumeFrom, lowMemory, maxMemory, tileSize,
                temporalTarget));
    }
}
