package io.github.nst4j;

import io.github.nst4j.image.ColorStatistics;
import io.github.nst4j.image.Images;
import io.github.nst4j.image.Luminance;
import io.github.nst4j.internal.Fingerprint;
import io.github.nst4j.internal.MemoryEstimate;
import io.github.nst4j.loss.LossSpec;
import io.github.nst4j.model.FeatureNetwork;
import io.github.nst4j.model.Pooling;
import io.github.nst4j.model.VggLayer;
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
    private Object content;
    private final List<Object> styles = new ArrayList<>();
    private List<Double> styleBlend;
    private Object initImage;
    private Mode mode;
    private int size = Defaults.SIZE;
    private int width;
    private int height;
    private int iterations = Defaults.ITERATIONS;
    private double contentWeight = Defaults.CONTENT_WEIGHT;
    private double styleWeight = Defaults.STYLE_WEIGHT;
    private double tvWeight = Defaults.TV_WEIGHT;
    private Optimizer optimizer = Optimizer.ADAM;
    private double learningRate = Defaults.LEARNING_RATE;
    private int lbfgsMemory = Defaults.LBFGS_MEMORY;
    private InitMode init;
    private double initNoiseRatio;
    private long seed = Defaults.SEED;
    private Pooling pooling = Pooling.AVG;
    private WeightsSource weights;
    private Set<VggLayer> contentLayers = EnumSet.of(StyleTransfer.DEFAULT_CONTENT_LAYER);
    private Map<VggLayer, Double> styleLayers = defaultStyleLayers();
    private double styleScale = Defaults.STYLE_SCALE;
    private ColorPreservation colors = ColorPreservation.NONE;
    private int scaleCount = 1;
    private int startSize;
    private RunState resumeFrom;
    private boolean lowMemory;

    StyleTransferBuilder() {
    }

    /** The five style layers of the paper, {@code block1_conv1} to {@code block5_conv1}, weight 1 each. */
    public static Map<VggLayer, Double> defaultStyleLayers() {
        Map<VggLayer, Double> layers = new EnumMap<>(VggLayer.class);
        for (VggLayer layer : VggLayer.values()) {
            if (layer.indexInBlock() == 1) {
                layers.put(layer, 1.0);
            }
        }
        return layers;
    }

    /** The content image file (JPEG, PNG, BMP or GIF); omit it for texture synthesis. */
    public StyleTransferBuilder content(Path file) {
        this.content = file;
        return this;
    }

    /** The content image; omit it for texture synthesis. */
    public StyleTransferBuilder content(BufferedImage image) {
        this.content = image;
        return this;
    }

    /** The style image file; replaces any style given before. */
    public StyleTransferBuilder style(Path file) {
        styles.clear();
        styles.add(file);
        return this;
    }

    /** The style image; replaces any style given before. */
    public StyleTransferBuilder style(BufferedImage image) {
        styles.clear();
        styles.add(image);
        return this;
    }

    /** Adds one more style image file to blend (see {@link #styleBlend}). */
    public StyleTransferBuilder addStyle(Path file) {
        styles.add(file);
        return this;
    }

    /** Adds one more style image to blend (see {@link #styleBlend}). */
    public StyleTransferBuilder addStyle(BufferedImage image) {
        styles.add(image);
        return this;
    }

    /**
     * Blend weights of the style images, one each, in the order given (default: equal). They are
     * normalised to sum to 1; the style target of each layer is {@code Σ weight·Gram(style)}.
     */
    public StyleTransferBuilder styleBlend(List<Double> weights) {
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

    /** What to reconstruct (default: transfer with a content image, texture synthesis without one). */
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

    /** Loss evaluations per scale (default {@value Defaults#ITERATIONS}): Adam steps, or L-BFGS function evaluations. */
    public StyleTransferBuilder iterations(int count) {
        this.iterations = count;
        return this;
    }

    /** Weight of the content loss (default {@value Defaults#CONTENT_WEIGHT}). */
    public StyleTransferBuilder contentWeight(double weight) {
        this.contentWeight = weight;
        return this;
    }

    /** Weight of the style loss (default {@value Defaults#STYLE_WEIGHT}). */
    public StyleTransferBuilder styleWeight(double weight) {
        this.styleWeight = weight;
        return this;
    }

    /** Weight of the total-variation loss (default {@value Defaults#TV_WEIGHT}); 0 turns it off. */
    public StyleTransferBuilder tvWeight(double weight) {
        this.tvWeight = weight;
        return this;
    }

    /** Adam (default) or L-BFGS. */
    public StyleTransferBuilder optimizer(Optimizer value) {
        this.optimizer = value;
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

    /** Where to start (default: the content image for transfer, noise otherwise). */
    public StyleTransferBuilder init(InitMode mode) {
        this.init = mode;
        return this;
    }

    /** Start from this image file, resized to the output; sets {@link InitMode#IMAGE}. */
    public StyleTransferBuilder initImage(Path file) {
        this.initImage = file;
        this.init = InitMode.IMAGE;
        return this;
    }

    /** Start from this image, resized to the output; sets {@link InitMode#IMAGE}. */
    public StyleTransferBuilder initImage(BufferedImage image) {
        this.initImage = image;
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

    /** Pooling between blocks (default {@link Pooling#AVG}, as in the paper). */
    public StyleTransferBuilder pooling(Pooling kind) {
        this.pooling = kind;
        return this;
    }

    /** Where the VGG19 weights come from (default {@link WeightsSource#zoo()}). */
    public StyleTransferBuilder weights(WeightsSource source) {
        this.weights = source;
        return this;
    }

    /** The one layer whose activations the content loss compares (default {@code block4_conv2}). */
    public StyleTransferBuilder contentLayer(VggLayer layer) {
        return contentLayers(Set.of(layer));
    }

    /** The layers whose activations the content loss compares, summed with weight 1 each. */
    public StyleTransferBuilder contentLayers(Set<VggLayer> layers) {
        this.contentLayers = layers.isEmpty() ? EnumSet.noneOf(VggLayer.class) : EnumSet.copyOf(layers);
        return this;
    }

    /** Style layers and their weights (default: {@link #defaultStyleLayers()}). */
    public StyleTransferBuilder styleLayers(Map<VggLayer, Double> layersAndWeights) {
        this.styleLayers = new EnumMap<>(layersAndWeights);
        return this;
    }

    /** Keep the content's colours by luminance-only transfer or by recolouring the style (default: neither). */
    public StyleTransferBuilder preserveColors(ColorPreservation value) {
        this.colors = value;
        return this;
    }

    /**
     * Coarse to fine in {@code count} scales (default 1): the long side grows by √2 per scale up to
     * {@link #size}, each scale starting from the previous result, upsampled.
     */
    public StyleTransferBuilder scales(int count) {
        this.scaleCount = count;
        this.startSize = 0;
        return this;
    }

    /** Coarse to fine from this long side, growing by √2 per scale up to {@link #size}. */
    public StyleTransferBuilder startSize(int pixels) {
        this.startSize = pixels;
        this.scaleCount = 1;
        return this;
    }

    /** Continue an interrupted run; every other setting must be the same as that run's. */
    public StyleTransferBuilder resumeFrom(RunState state) {
        this.resumeFrom = state;
        return this;
    }

    /**
     * Frees every intermediate array as soon as a step is done with it, instead of recycling it for
     * the next step (default false). Measured peaks: 1.37 instead of 1.45 GB at 512x512, 3.25
     * instead of 3.7 GB at 1024x1024, for 1.25 to 1.8 times the time per iteration; for when those
     * last few hundred MB decide whether a size fits (the memory check allows larger outputs). The
     * result is the same either way.
     */
    public StyleTransferBuilder lowMemory(boolean enabled) {
        this.lowMemory = enabled;
        return this;
    }

    /**
     * Reads the images and checks every setting, including that the run fits in this machine's
     * memory.
     *
     * @throws NstException naming the first bad setting or unreadable image
     */
    public StyleTransfer build() {
        Mode chosenMode = mode != null ? mode : content != null ? Mode.TRANSFER : Mode.TEXTURE;
        checkInputs(chosenMode);
        checkNumbers(chosenMode);
        InitMode chosenInit = init != null ? init : chosenMode == Mode.TRANSFER ? InitMode.CONTENT : InitMode.NOISE;
        require(chosenInit != InitMode.CONTENT || content != null, "Init 'content' needs a content image");
        require(chosenInit != InitMode.STYLE || !styles.isEmpty(), "Init 'style' needs a style image");
        require(chosenInit != InitMode.IMAGE || initImage != null, "Init 'image' needs an image (initImage)");

        BufferedImage contentImage = content == null ? null : checkedSide(load(content), "Content");
        List<BufferedImage> styleImages = new ArrayList<>();
        for (Object style : styles) {
            styleImages.add(checkedSide(load(style), "Style"));
        }
        PreparedImages images = prepare(contentImage, styleImages, initImage == null ? null : load(initImage));

        ImageSize output = outputSize(contentImage, styleImages);
        List<Scale> plan = ScalePlanner.plan(output, sizes(output), styleImages, styleScale);
        ImageSize last = plan.get(plan.size() - 1).output();
        long lbfgsBytes = optimizer == Optimizer.LBFGS ? 2L * lbfgsMemory * 3 * 4 * last.width() * last.height() : 0;
        MemoryEstimate.check(last.width(), last.height(), lbfgsBytes, lowMemory);

        LossSpec spec = new LossSpec(chosenMode == Mode.TEXTURE ? Set.of() : contentLayers,
                chosenMode == Mode.CONTENT ? Map.of() : styleLayers, contentWeight, styleWeight, tvWeight);
        StyleTransferSettings settings = new StyleTransferSettings(chosenMode, spec, iterations, optimizer,
                learningRate, lbfgsMemory, chosenInit, initNoiseRatio, seed, pooling,
                weights != null ? weights : WeightsSource.zoo(), colors, normalisedBlend(), resumeFrom, lowMemory);
        long fingerprint = fingerprint(settings, contentImage, styleImages, images.initImage(), plan);
        require(resumeFrom == null || resumeFrom.fingerprint() == fingerprint, "The run state belongs to a run"
                + " with other settings or images; resume with exactly the options of the interrupted run");
        return new StyleTransfer(settings, images, plan, fingerprint);
    }

    private void checkInputs(Mode chosenMode) {
        switch (chosenMode) {
            case TRANSFER -> {
                require(content != null, "Style transfer needs a content image (or use texture mode)");
                require(!styles.isEmpty(), "Style transfer needs a style image");
            }
            case TEXTURE -> {
                require(content == null, "Texture mode uses no content image; leave the content out");
                require(!styles.isEmpty(), "Texture mode needs a style image");
            }
            case CONTENT -> {
                require(content != null, "Content mode needs a content image");
                require(styles.isEmpty(), "Content mode uses no style image; leave the style out");
            }
        }
        require(colors == ColorPreservation.NONE || chosenMode == Mode.TRANSFER,
                "Colour preservation needs both a content and a style image");
        require(width == 0 && height == 0 || chosenMode == Mode.TEXTURE,
                "An output size applies only to texture synthesis; with a content image use size()");
        require(chosenMode == Mode.TEXTURE || !contentLayers.isEmpty(), "At least one content layer is required");
        require(chosenMode == Mode.CONTENT || !styleLayers.isEmpty(), "At least one style layer is required");
    }

    private void checkNumbers(Mode chosenMode) {
        require(size >= FeatureNetwork.MIN_IMAGE_SIDE, "Size must be at least "
                + FeatureNetwork.MIN_IMAGE_SIDE + " px, got " + size);
        require(width >= 0 && height >= 0, "Output width and height must be positive, got " + width + "x" + height);
        require(iterations > 0, "Iterations must be positive, got " + iterations);
        if (chosenMode != Mode.TEXTURE) {
            requirePositive("Content weight", contentWeight);
        }
        if (chosenMode != Mode.CONTENT) {
            requirePositive("Style weight", styleWeight);
        }
        require(tvWeight >= 0 && Double.isFinite(tvWeight), "TV weight must be zero or positive, got " + tvWeight);
        requirePositive("Learning rate", learningRate);
        require(lbfgsMemory > 0, "L-BFGS memory must be positive, got " + lbfgsMemory);
        require(initNoiseRatio >= 0 && initNoiseRatio <= 1, "Init noise ratio must be between 0 and 1, got "
                + initNoiseRatio);
        requirePositive("Style scale", styleScale);
        require(scaleCount > 0, "Scales must be positive, got " + scaleCount);
        require(startSize == 0 || startSize >= FeatureNetwork.MIN_IMAGE_SIDE && startSize <= size,
                "Start size must be between " + FeatureNetwork.MIN_IMAGE_SIDE + " px and the size (" + size
                        + "), got " + startSize);
        styleLayers.forEach((layer, weight) -> requirePositive("Style layer weight of " + layer, weight));
        if (styleBlend != null) {
            require(styleBlend.size() == styles.size(), "Give one blend weight per style image: "
                    + styles.size() + " styles, " + styleBlend.size() + " weights");
            styleBlend.forEach(weight -> requirePositive("Style blend weight", weight));
        }
    }

    private PreparedImages prepare(BufferedImage contentImage, List<BufferedImage> styleImages, BufferedImage start) {
        List<BufferedImage> prepared = new ArrayList<>();
        for (BufferedImage style : styleImages) {
            prepared.add(switch (colors) {
                case NONE -> style;
                case HISTOGRAM -> ColorStatistics.matchColors(style, contentImage);
                case LUMINANCE -> Luminance.grayMatched(style, contentImage);
            });
        }
        BufferedImage lossContent = colors == ColorPreservation.LUMINANCE ? Luminance.gray(contentImage) : contentImage;
        return new PreparedImages(lossContent, contentImage, prepared, start);
    }

    private ImageSize outputSize(BufferedImage contentImage, List<BufferedImage> styleImages) {
        if (contentImage != null) {
            return new ImageSize(contentImage.getWidth(), contentImage.getHeight()).withLongSide(size);
        }
        if (width > 0 || height > 0) {
            return new ImageSize(width > 0 ? width : height, height > 0 ? height : width);
        }
        BufferedImage style = styleImages.get(0);
        return new ImageSize(style.getWidth(), style.getHeight()).withLongSide(size);
    }

    /** Long sides of the scales, ending with the output's. */
    private List<Integer> sizes(ImageSize output) {
        int target = output.longSide();
        List<Integer> sides = new ArrayList<>();
        if (startSize > 0) {
            for (double side = startSize; side < target - 0.5; side *= Math.sqrt(2)) {
                sides.add((int) Math.round(side));
            }
        } else {
            for (int i = scaleCount - 1; i > 0; i--) {
                sides.add((int) Math.round(target / Math.pow(Math.sqrt(2), i)));
            }
        }
        sides.add(target);
        return sides;
    }

    private List<Double> normalisedBlend() {
        List<Double> raw = styleBlend != null ? styleBlend : styles.stream().map(s -> 1.0).toList();
        double sum = raw.stream().mapToDouble(Double::doubleValue).sum();
        return raw.stream().map(weight -> weight / sum).toList();
    }

    private static long fingerprint(StyleTransferSettings settings, BufferedImage contentImage,
            List<BufferedImage> styleImages, BufferedImage start, List<Scale> plan) {
        Fingerprint fingerprint = new Fingerprint()
                .add(settings.mode()).add(settings.lossSpec()).add(settings.iterations()).add(settings.optimizer())
                .add(settings.learningRate()).add(settings.lbfgsMemory()).add(settings.init())
                .add(settings.initNoiseRatio()).add(settings.seed()).add(settings.pooling())
                .add(settings.weights().description()).add(settings.colors()).add(settings.styleBlend()).add(plan)
                .add(contentImage).add(start);
        styleImages.forEach(fingerprint::add);
        return fingerprint.value();
    }

    private static BufferedImage load(Object fileOrImage) {
        return fileOrImage instanceof BufferedImage image ? Images.toRgb(image) : Images.read((Path) fileOrImage);
    }

    private static BufferedImage checkedSide(BufferedImage image, String role) {
        int minSide = FeatureNetwork.MIN_IMAGE_SIDE;
        require(Math.min(image.getWidth(), image.getHeight()) >= minSide, role + " image is "
                + image.getWidth() + "x" + image.getHeight() + " px; VGG19 needs at least " + minSide
                + " px on each side (use a larger image)");
        return image;
    }

    private static void requirePositive(String what, double value) {
        require(value > 0 && Double.isFinite(value), what + " must be a positive number, got " + value);
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new NstException(message);
        }
    }
}
