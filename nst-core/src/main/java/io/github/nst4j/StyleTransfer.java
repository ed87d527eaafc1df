package io.github.nst4j;

import io.github.nst4j.image.PixelTensors;
import io.github.nst4j.image.Images;
import io.github.nst4j.image.InputConvention;
import io.github.nst4j.internal.AdamImageOptimizer;
import io.github.nst4j.internal.MemoryEstimate;
import io.github.nst4j.listener.IterationListener;
import io.github.nst4j.loss.LossGraph;
import io.github.nst4j.loss.LossSpec;
import io.github.nst4j.loss.Targets;
import io.github.nst4j.model.FeatureNetwork;
import io.github.nst4j.model.Pooling;
import io.github.nst4j.model.VggLayer;
import io.github.nst4j.weights.WeightsSource;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Neural style transfer after Gatys, Ecker and Bethge: optimises an image so that its VGG19
 * activations match a content image's and its Gram matrices match a style image's.
 *
 * <pre>{@code
 * StyleTransferResult result = StyleTransfer.builder()
 *         .content(Path.of("photo.jpg"))
 *         .style(Path.of("painting.jpg"))
 *         .iterations(500)
 *         .build()
 *         .run(event -> System.out.println(event.iteration() + " " + event.losses().total()));
 * result.save(Path.of("out.png"));
 * }</pre>
 *
 * <p>Without a content image the run is a style extraction (texture synthesis): style loss only,
 * started from noise. Instances are immutable; {@link #run} may be called repeatedly.
 */
public final class StyleTransfer {
    /** Content layer of the paper and of neural-style. */
    public static final VggLayer DEFAULT_CONTENT_LAYER = VggLayer.BLOCK4_CONV2;

    private final BufferedImage content;
    private final BufferedImage style;
    private final int outputWidth;
    private final int outputHeight;
    private final int iterations;
    private final double learningRate;
    private final InitMode init;
    private final long seed;
    private final Pooling pooling;
    private final WeightsSource weights;
    private final LossSpec lossSpec;

    private StyleTransfer(Builder b, BufferedImage content, BufferedImage style, int width, int height) {
        this.content = content;
        this.style = style;
        this.outputWidth = width;
        this.outputHeight = height;
        this.iterations = b.iterations;
        this.learningRate = b.learningRate;
        this.init = content == null ? InitMode.NOISE : b.init;
        this.seed = b.seed;
        this.pooling = b.pooling;
        this.weights = b.weights;
        this.lossSpec = new LossSpec(b.contentLayer, b.styleLayers, b.contentWeight, b.styleWeight, b.tvWeight);
    }

    /** A builder with the {@link Defaults}; a style image is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Runs without a listener. */
    public StyleTransferResult run() {
        return run(IterationListener.NONE);
    }

    /**
     * Loads the weights, computes the targets and optimises the image.
     *
     * @param listener sees every step and may stop the run early
     * @throws NstException if the weights cannot be loaded
     * @throws DivergedException if the loss becomes NaN or infinite; it carries the best image so far
     */
    public StyleTransferResult run(IterationListener listener) {
        FeatureNetwork network = new FeatureNetwork(weights.load(), pooling);
        INDArray contentTensor = content == null ? null : PixelTensors.fromImage(content);
        Targets targets = Targets.compute(network, lossSpec, contentTensor, PixelTensors.fromImage(style),
                DataType.FLOAT);
        INDArray start = init == InitMode.CONTENT ? contentTensor : noise(outputHeight, outputWidth, seed);
        LossGraph graph = LossGraph.build(network, lossSpec, targets, start, DataType.FLOAT);
        AdamImageOptimizer.Outcome outcome = new AdamImageOptimizer(graph, learningRate)
                .optimize(iterations, listener);
        return new StyleTransferResult(PixelTensors.toImage(outcome.bestImage()), outcome.bestIteration(),
                outcome.history(), outcome.stoppedEarly(), outcome.elapsed());
    }

    /** Width of the generated image in pixels. */
    public int outputWidth() {
        return outputWidth;
    }

    /** Height of the generated image in pixels. */
    public int outputHeight() {
        return outputHeight;
    }

    /** Whether this run has a content image; false means style extraction. */
    public boolean hasContent() {
        return content != null;
    }

    /** Gaussian noise around the ImageNet mean colour, in RGB pixel units. */
    private static INDArray noise(int height, int width, long seed) {
        Random random = new Random(seed);
        double[] mean = InputConvention.CAFFE.rgbMean();
        int plane = height * width;
        float[] values = new float[3 * plane];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (mean[i / plane] + random.nextGaussian() * Defaults.NOISE_STDDEV);
        }
        return Nd4j.create(values, new long[] {1, 3, height, width}, DataType.FLOAT);
    }

    /** Settings of a {@link StyleTransfer}; {@link #build()} validates them. */
    public static final class Builder {
        private BufferedImage contentImage;
        private Path contentFile;
        private BufferedImage styleImage;
        private Path styleFile;
        private int size = Defaults.SIZE;
        private int width;
        private int height;
        private int iterations = Defaults.ITERATIONS;
        private double contentWeight = Defaults.CONTENT_WEIGHT;
        private double styleWeight = Defaults.STYLE_WEIGHT;
        private double tvWeight = Defaults.TV_WEIGHT;
        private double learningRate = Defaults.LEARNING_RATE;
        private InitMode init = InitMode.CONTENT;
        private long seed = Defaults.SEED;
        private Pooling pooling = Pooling.AVG;
        private WeightsSource weights;
        private VggLayer contentLayer = DEFAULT_CONTENT_LAYER;
        private Map<VggLayer, Double> styleLayers = defaultStyleLayers();

        private Builder() {
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

        /** The content image file (JPEG, PNG, BMP or GIF); omit it for style extraction. */
        public Builder content(Path file) {
            this.contentFile = file;
            this.contentImage = null;
            return this;
        }

        /** The content image; omit it for style extraction. */
        public Builder content(BufferedImage image) {
            this.contentImage = image;
            this.contentFile = null;
            return this;
        }

        /** The style image file (required unless {@link #style(BufferedImage)} is given). */
        public Builder style(Path file) {
            this.styleFile = file;
            this.styleImage = null;
            return this;
        }

        /** The style image (required unless {@link #style(Path)} is given). */
        public Builder style(BufferedImage image) {
            this.styleImage = image;
            this.styleFile = null;
            return this;
        }

        /**
         * Long side of the output in pixels (default {@value Defaults#SIZE}); the content image is
         * scaled to it keeping its aspect ratio, and so is the style image.
         */
        public Builder size(int pixels) {
            this.size = pixels;
            return this;
        }

        /**
         * Exact output size for style extraction (no content image); overrides {@link #size}, and the
         * style image is scaled to the longer of the two.
         */
        public Builder outputSize(int width, int height) {
            this.width = width;
            this.height = height;
            return this;
        }

        /** Number of Adam steps (default {@value Defaults#ITERATIONS}). */
        public Builder iterations(int count) {
            this.iterations = count;
            return this;
        }

        /** Weight of the content loss (default {@value Defaults#CONTENT_WEIGHT}). */
        public Builder contentWeight(double weight) {
            this.contentWeight = weight;
            return this;
        }

        /** Weight of the style loss (default {@value Defaults#STYLE_WEIGHT}). */
        public Builder styleWeight(double weight) {
            this.styleWeight = weight;
            return this;
        }

        /** Weight of the total-variation loss (default {@value Defaults#TV_WEIGHT}); 0 turns it off. */
        public Builder tvWeight(double weight) {
            this.tvWeight = weight;
            return this;
        }

        /** Adam's learning rate in 0-255 pixel units (default {@value Defaults#LEARNING_RATE}). */
        public Builder learningRate(double rate) {
            this.learningRate = rate;
            return this;
        }

        /** Start from the content image (default) or from seeded noise. */
        public Builder init(InitMode mode) {
            this.init = mode;
            return this;
        }

        /** Seed of the noise initialisation (default {@value Defaults#SEED}); same seed, same result. */
        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        /** Pooling between blocks (default {@link Pooling#AVG}, as in the paper). */
        public Builder pooling(Pooling kind) {
            this.pooling = kind;
            return this;
        }

        /** Where the VGG19 weights come from (default {@link WeightsSource#zoo()}). */
        public Builder weights(WeightsSource source) {
            this.weights = source;
            return this;
        }

        /** The layer whose activations the content loss compares (default {@code block4_conv2}). */
        public Builder contentLayer(VggLayer layer) {
            this.contentLayer = layer;
            return this;
        }

        /** Style layers and their weights (default: {@link #defaultStyleLayers()}). */
        public Builder styleLayers(Map<VggLayer, Double> layersAndWeights) {
            this.styleLayers = new EnumMap<>(layersAndWeights);
            return this;
        }

        /**
         * Reads the images and checks every setting, including that the output size fits in
         * this machine's memory.
         *
         * @throws NstException naming the first bad setting or unreadable image
         */
        public StyleTransfer build() {
            require(styleImage != null || styleFile != null, "A style image is required");
            require(size >= FeatureNetwork.MIN_IMAGE_SIDE, "Size must be at least "
                    + FeatureNetwork.MIN_IMAGE_SIDE + " px, got " + size);
            require(iterations > 0, "Iterations must be positive, got " + iterations);
            require(styleWeight > 0 && Double.isFinite(styleWeight),
                    "Style weight must be a positive number, got " + styleWeight);
            require(tvWeight >= 0 && Double.isFinite(tvWeight),
                    "TV weight must be zero or positive, got " + tvWeight);
            require(learningRate > 0 && Double.isFinite(learningRate),
                    "Learning rate must be a positive number, got " + learningRate);
            require(!styleLayers.isEmpty(), "At least one style layer is required");
            styleLayers.forEach((layer, weight) -> require(weight > 0 && Double.isFinite(weight),
                    "Style layer weight of " + layer + " must be positive, got " + weight));

            BufferedImage content = contentImage != null || contentFile != null
                    ? scaled(load(contentImage, contentFile), size, "Content") : null;
            // The style is seen at the output's scale: an explicit texture size replaces --size.
            int styleSide = content == null && width > 0 && height > 0 ? Math.max(width, height) : size;
            BufferedImage style = scaled(load(styleImage, styleFile), styleSide, "Style");
            if (content != null) {
                require(width == 0 && height == 0,
                        "An output size applies only to style extraction; with a content image use size()");
                require(contentWeight > 0 && Double.isFinite(contentWeight),
                        "Content weight must be a positive number, got " + contentWeight);
                MemoryEstimate.check(content.getWidth(), content.getHeight());
                return new StyleTransfer(withDefaultWeights(), content, style, content.getWidth(),
                        content.getHeight());
            }
            int w = width > 0 ? width : style.getWidth();
            int h = height > 0 ? height : style.getHeight();
            require(Math.min(w, h) >= FeatureNetwork.MIN_IMAGE_SIDE, "Output size " + w + "x" + h
                    + " is too small; VGG19 needs at least " + FeatureNetwork.MIN_IMAGE_SIDE + " px per side");
            MemoryEstimate.check(w, h);
            return new StyleTransfer(withDefaultWeights(), null, style, w, h);
        }

        private Builder withDefaultWeights() {
            if (weights == null) {
                weights = WeightsSource.zoo();
            }
            return this;
        }

        private static BufferedImage load(BufferedImage image, Path file) {
            return image != null ? Images.toRgb(image) : Images.read(file);
        }

        private static BufferedImage scaled(BufferedImage image, int longSide, String role) {
            int minSide = FeatureNetwork.MIN_IMAGE_SIDE;
            require(Math.min(image.getWidth(), image.getHeight()) >= minSide, role + " image is "
                    + image.getWidth() + "x" + image.getHeight() + " px; VGG19 needs at least " + minSide
                    + " px on each side (use a larger image)");
            BufferedImage resized = Images.resizeLongSide(image, longSide);
            require(Math.min(resized.getWidth(), resized.getHeight()) >= minSide, role + " image becomes "
                    + resized.getWidth() + "x" + resized.getHeight() + " px at size " + longSide
                    + "; VGG19 needs at least " + minSide + " px on each side (use a larger size)");
            return resized;
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new NstException(message);
            }
        }
    }
}
