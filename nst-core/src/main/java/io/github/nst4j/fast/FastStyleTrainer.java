package io.github.nst4j.fast;

import io.github.nst4j.Defaults;
import io.github.nst4j.error.InvalidSettingException;
import io.github.nst4j.error.NstException;
import io.github.nst4j.image.Images;
import io.github.nst4j.image.PixelTensors;
import io.github.nst4j.listener.LossValues;
import io.github.nst4j.loss.LossSpec;
import io.github.nst4j.loss.Targets;
import io.github.nst4j.network.FeatureNetwork;
import io.github.nst4j.network.Vgg19Weights;
import io.github.nst4j.network.VggLayer;
import io.github.nst4j.weights.WeightsDefaults;
import io.github.nst4j.weights.WeightsSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains a {@link TransformerNet} for one style (or a blend of several) through the frozen VGG19
 * loss, Johnson et al.'s way: every step, a batch of random crops of the training images goes
 * through the network, and Adam moves its weights down the content loss against the crops' own
 * features, the style loss against the style images' Gram matrices and total variation.
 *
 * <pre>{@code
 * TrainingResult result = FastStyleTrainer.builder()
 *         .style(Path.of("starry.jpg"))
 *         .images(Path.of("coco/train2014"))
 *         .steps(40_000)
 *         .checkpoint(Path.of("starry.ckpt"), 1000)
 *         .build()
 *         .train();
 * result.model().save(Path.of("starry.nstm"));
 * }</pre>
 *
 * <p>A batch goes through the network and VGG19 one image at a time and the step follows the mean
 * of the images' gradients, the gradient of the batch's mean loss: memory is that of one image,
 * whatever the {@linkplain Builder#batchSize batch size}. With {@linkplain Builder#normalizeGradients
 * normalised gradients} the normalisation is per image, so each image of a batch pulls equally.
 *
 * <p>A fixed seed gives a repeatable training; a training stopped by its listener writes its
 * checkpoint, and one {@linkplain Builder#resumeFrom resumed} from it reaches the same weights as
 * one never stopped.
 */
public final class FastStyleTrainer {
    /** Images per step, as Johnson et al. and PyTorch's example. */
    public static final int BATCH_SIZE = 4;
    /** The side of the square training crops, as Johnson et al. and PyTorch's example. */
    public static final int CROP = 256;
    /** Adam's step size, as Johnson et al. and PyTorch's example. */
    public static final double LEARNING_RATE = 1e-3;
    private static final String STATE = "state/";
    private static final String ADAM = STATE + "adam/";
    private static final String PROGRESS = STATE + "progress";
    private static final String STEPS_KEY = "training.steps";

    /** A copy of the builder made by {@link Builder#build()}, which nobody else holds. */
    private final Builder settings;
    private final LossSpec spec;

    private FastStyleTrainer(Builder settings, LossSpec spec) {
        this.settings = settings;
        this.spec = spec;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The checkpoint kept beside {@code model}, {@code MODEL.checkpoint}: where {@code nst train}
     * writes it, and the file a refused {@code resumeFrom(model)} points to.
     */
    public static Path checkpointBeside(Path model) {
        return Path.of(model + ".checkpoint");
    }

    /**
     * Whether a training on the images under {@code imagesFolder} reads {@code file}: an image file
     * there or in a subfolder. Lets a caller refuse an output that would overwrite a training image.
     */
    public static boolean readsImage(Path imagesFolder, Path file) {
        return TrainingImages.includes(imagesFolder, file);
    }

    /**
     * Trains to the last step or until the listener stops it.
     *
     * @throws NstException if an image, the weights or the checkpoint cannot be used
     * @throws IOException if a checkpoint cannot be written
     */
    public TrainingResult train() throws IOException {
        // The folder and the checkpoint first: a wrong one is told before a download of the weights.
        TrainingImages images = TrainingImages.in(settings.images, settings.crop, settings.seed);
        ModelFile.Contents checkpoint = settings.resumeFrom == null ? null : readCheckpoint();
        Vgg19Weights vgg = settings.weights.load();
        FeatureNetwork network = new FeatureNetwork(vgg, Defaults.POOLING);
        int totalSteps = settings.steps != null ? settings.steps
                : (int) Math.ceil((double) settings.epochs * images.files().size() / settings.batchSize);
        Map<String, String> description = description(vgg, totalSteps);

        Map<String, INDArray> weights;
        Map<String, INDArray> moments = null;
        int step = 0;
        if (checkpoint != null) {
            checkSameTraining(checkpoint.metadata(), description);
            weights = new LinkedHashMap<>(FastStyleModel.fromContents(settings.resumeFrom, checkpoint).weights());
            weights.replaceAll((name, value) -> value.dup());
            moments = new LinkedHashMap<>();
            for (String name : weights.keySet()) {
                moments.put(name, checkpoint.arrays().get(ADAM + name));
            }
            int[] progress = checkpoint.arrays().get(PROGRESS).toIntVector();
            step = progress[0];
            images.seek(new TrainingImages.Position(progress[1], progress[2],
                    java.util.Arrays.copyOfRange(progress, 3, progress.length)));
        } else {
            weights = TransformerNet.initialWeights(settings.size, settings.seed);
        }

        Map<VggLayer, INDArray> grams = styleGrams(network);
        AdamSteps adam = new AdamSteps(settings.learningRate, weights, moments);
        boolean stopped = false;
        try (TrainingGraph graph = TrainingGraph.build(network, spec, grams, settings.size, weights, settings.crop)) {
            long start = System.nanoTime();
            while (step < totalSteps && !stopped) {
                INDArray batch = images.next(settings.batchSize);
                TrainingGraph.Step result = graph.step(batch);
                adam.apply(weights, result.gradients(), step);
                result.gradients().values().forEach(INDArray::close);
                batch.close();
                step++;
                TrainingEvent event = new TrainingEvent(step, totalSteps, images.epoch(), result.losses(),
                        Duration.ofNanos(System.nanoTime() - start), images.skippedCount());
                settings.listener.onStep(event);
                stopped = event.stopRequested() && step < totalSteps;
                boolean due = settings.saveEvery > 0 && step % settings.saveEvery == 0;
                if (settings.checkpoint != null && (stopped || due || step == totalSteps)) {
                    writeCheckpoint(weights, adam, step, images, description);
                }
            }
        }
        Map<String, INDArray> trained = new LinkedHashMap<>();
        weights.forEach((name, value) -> trained.put(name, value.dup()));
        return new TrainingResult(new FastStyleModel(settings.size, trained, description), step, stopped,
                images.skippedCount());
    }

    /**
     * The weighted losses of {@code model} under this trainer's objective (its styles, VGG19
     * weights and loss settings), averaged over the centred crops of the usable images under
     * {@code folder}: how a training does on photos it did not train on. Unreadable images and
     * images smaller than the crop are left out.
     *
     * @throws NstException if the folder holds no usable image or the weights cannot be loaded
     */
    public LossValues evaluate(FastStyleModel model, Path folder) {
        TrainingImages images = TrainingImages.in(folder, settings.crop, settings.seed);
        FeatureNetwork network = new FeatureNetwork(settings.weights.load(), Defaults.POOLING);
        LossValues sum = new LossValues(0, 0, 0);
        int used = 0;
        try (TrainingGraph graph = TrainingGraph.build(network, spec, styleGrams(network), model.size(),
                model.weights(), settings.crop)) {
            for (int i = 0; i < images.files().size(); i++) {
                INDArray crop = images.centreCrop(i);
                if (crop != null) {
                    sum = sum.plus(graph.losses(crop));
                    crop.close();
                    used++;
                }
            }
        }
        if (used == 0) {
            throw new InvalidSettingException("images", "None of the " + images.files().size() + " image files in "
                    + folder + " can be read and is at least " + settings.crop + "x" + settings.crop + " pixels");
        }
        return sum.dividedBy(used);
    }

    private void writeCheckpoint(Map<String, INDArray> weights, AdamSteps adam, int step, TrainingImages images,
            Map<String, String> description) throws IOException {
        Map<String, INDArray> state = new LinkedHashMap<>();
        adam.moments().forEach((name, value) -> state.put(ADAM + name, value));
        TrainingImages.Position position = images.position();
        int[] progress = new int[3 + position.skipped().length];
        progress[0] = step;
        progress[1] = position.epoch();
        progress[2] = position.cursor();
        System.arraycopy(position.skipped(), 0, progress, 3, position.skipped().length);
        state.put(PROGRESS, Nd4j.createFromArray(progress));
        ModelFile.write(settings.checkpoint, new FastStyleModel(settings.size, weights, description).contents(state));
    }

    /**
     * The checkpoint to resume from, refusing a finished model: a model keeps the weights but not
     * Adam's moments or the place in the images, without which the run would not be the one it
     * continues.
     */
    private ModelFile.Contents readCheckpoint() {
        ModelFile.Contents checkpoint;
        try {
            checkpoint = ModelFile.read(settings.resumeFrom);
        } catch (NstException e) {
            // Missing, not a model or damaged: the setting that named it is what to change.
            throw new InvalidSettingException("resumeFrom", e.getMessage());
        }
        if (!checkpoint.arrays().containsKey(PROGRESS)) {
            Path beside = checkpointBeside(settings.resumeFrom);
            throw new InvalidSettingException("resumeFrom", settings.resumeFrom + " is a model without its training"
                    + " state, not a checkpoint; resume from the checkpoint its training wrote"
                    + (Files.isRegularFile(beside) ? ", " + beside : " (nst train writes it beside the model as"
                    + " MODEL.checkpoint)"));
        }
        return checkpoint;
    }

    /** Refuses a checkpoint of another training; only the number of steps may differ. */
    private void checkSameTraining(Map<String, String> checkpoint, Map<String, String> current) {
        Map<String, String> theirs = new TreeMap<>(checkpoint);
        theirs.keySet().removeIf(key -> key.startsWith("size."));
        theirs.remove(STEPS_KEY);
        Map<String, String> ours = new TreeMap<>(current);
        ours.remove(STEPS_KEY);
        theirs.put("size", sizeText(checkpoint));
        ours.put("size", settings.size.channels1() + "," + settings.size.channels2() + ","
                + settings.size.channels3() + "," + settings.size.residualBlocks());
        for (String key : new java.util.TreeSet<>(union(theirs.keySet(), ours.keySet()))) {
            if (!java.util.Objects.equals(theirs.get(key), ours.get(key))) {
                // A key the checkpoint lacks comes from an older version of the training.
                String was = theirs.get(key) == null ? " was not recorded" : " was " + theirs.get(key);
                throw new NstException("The checkpoint " + settings.resumeFrom + " is of another training (" + key
                        + was + ", is now " + ours.get(key)
                        + "); resume with the same settings or start afresh");
            }
        }
    }

    private static String sizeText(Map<String, String> metadata) {
        return metadata.get("size.channels1") + "," + metadata.get("size.channels2") + ","
                + metadata.get("size.channels3") + "," + metadata.get("size.residualBlocks");
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }

    /** The blend {@code Σ weight·G(style)} of the style images' Gram matrices, blend weights summing to 1. */
    private Map<VggLayer, INDArray> styleGrams(FeatureNetwork network) {
        double sum = settings.styleWeights.stream().mapToDouble(Double::doubleValue).sum();
        int longSide = (int) Math.round(settings.styleScale * settings.crop);
        List<Targets.WeightedStyle> styles = new ArrayList<>();
        for (int i = 0; i < settings.styles.size(); i++) {
            INDArray pixels = PixelTensors.fromImage(Images.resizeLongSide(Images.read(settings.styles.get(i)), longSide));
            styles.add(new Targets.WeightedStyle(pixels, settings.styleWeights.get(i) / sum));
        }
        return Targets.compute(network, spec, null, styles, DataType.FLOAT).guides().get(0).grams();
    }

    /** What the model file records of this training. */
    private Map<String, String> description(Vgg19Weights vgg, int totalSteps) throws IOException {
        Map<String, String> description = new TreeMap<>();
        for (int i = 0; i < settings.styles.size(); i++) {
            Path style = settings.styles.get(i);
            description.put("style." + i + ".name", String.valueOf(style.getFileName()));
            description.put("style." + i + ".sha256", Digests.of(Files.readAllBytes(style)));
            description.put("style." + i + ".weight", String.valueOf(settings.styleWeights.get(i)));
        }
        description.put("training.images", settings.images.toAbsolutePath().normalize().toString());
        description.put(STEPS_KEY, String.valueOf(totalSteps));
        description.put("training.batchSize", String.valueOf(settings.batchSize));
        description.put("training.crop", String.valueOf(settings.crop));
        description.put("training.styleScale", String.valueOf(settings.styleScale));
        description.put("training.learningRate", String.valueOf(settings.learningRate));
        description.put("training.seed", String.valueOf(settings.seed));
        description.put("training.contentWeight", String.valueOf(spec.contentWeight()));
        description.put("training.contentLayers", spec.contentLayers().toString());
        description.put("training.styleWeight", String.valueOf(spec.styleWeight()));
        description.put("training.styleLayers", spec.styleLayers().toString());
        description.put("training.tvWeight", String.valueOf(spec.tvWeight()));
        description.put("training.normalizeGradients", String.valueOf(spec.normalizeGradients()));
        description.put("vgg.weights", settings.weights.description());
        description.put("vgg.fingerprint", Digests.fingerprint(vgg));
        return description;
    }

    /**
     * The settings of a training. Required: at least one {@link #style}, the {@link #images} and
     * {@link #steps} or {@link #epochs}; everything else has a default.
     */
    public static final class Builder {
        private final List<Path> styles = new ArrayList<>();
        private final List<Double> styleWeights = new ArrayList<>();
        private Path images;
        private Integer steps;
        private Integer epochs;
        private int batchSize = BATCH_SIZE;
        private int crop = CROP;
        private double styleScale = Defaults.STYLE_SCALE;
        private WeightsSource weights = WeightsSource.zoo();
        private Double contentWeight;
        private Set<VggLayer> contentLayers;
        private double styleWeight = Defaults.STYLE_WEIGHT;
        private Map<VggLayer, Double> styleLayers = Defaults.styleLayers();
        private Double tvWeight;
        private Boolean normalizeGradients;
        private double learningRate = LEARNING_RATE;
        private long seed = Defaults.SEED;
        private TransformerSize size = TransformerSize.STANDARD;
        private TrainingListener listener = TrainingListener.NONE;
        private Path checkpoint;
        private int saveEvery;
        private Path resumeFrom;

        private Builder() {
        }

        /** A style image with blend weight 1. */
        public Builder style(Path file) {
            return style(file, 1);
        }

        /** A style image and its share of the blended style (weights are normalised to sum to 1). */
        public Builder style(Path file, double weight) {
            styles.add(file);
            styleWeights.add(weight);
            return this;
        }

        /** The folder of training images, searched recursively (e.g. COCO 2014 train). */
        public Builder images(Path directory) {
            this.images = directory;
            return this;
        }

        /** Train this many steps (batches). */
        public Builder steps(int steps) {
            this.steps = steps;
            this.epochs = null;
            return this;
        }

        /** Train this many passes over the image files (in steps, rounded up). */
        public Builder epochs(int epochs) {
            this.epochs = epochs;
            this.steps = null;
            return this;
        }

        /**
         * Images per step (default {@value FastStyleTrainer#BATCH_SIZE}); they are run one after
         * another, so a larger batch takes longer but no more memory.
         */
        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** The side of the square random crops, a multiple of 4 (default {@value FastStyleTrainer#CROP}). */
        public Builder crop(int crop) {
            this.crop = crop;
            return this;
        }

        /** The style images' long side as a fraction of the crop (default {@link Defaults#STYLE_SCALE}). */
        public Builder styleScale(double styleScale) {
            this.styleScale = styleScale;
            return this;
        }

        /** Where the VGG19 weights come from (default {@link WeightsSource#zoo()}). */
        public Builder weights(WeightsSource weights) {
            this.weights = weights;
            return this;
        }

        /** Default: the weights' ({@link WeightsSource#runDefaults()}). */
        public Builder contentWeight(double contentWeight) {
            this.contentWeight = contentWeight;
            return this;
        }

        /** Default: the weights' ({@link WeightsSource#runDefaults()}). */
        public Builder contentLayers(Set<VggLayer> contentLayers) {
            this.contentLayers = EnumSet.copyOf(contentLayers);
            return this;
        }

        /** Default {@link Defaults#STYLE_WEIGHT}. */
        public Builder styleWeight(double styleWeight) {
            this.styleWeight = styleWeight;
            return this;
        }

        /** Style layers and their weights (default {@link Defaults#styleLayers()}). */
        public Builder styleLayers(Map<VggLayer, Double> styleLayers) {
            this.styleLayers = new EnumMap<>(styleLayers);
            return this;
        }

        /** Default: the weights' ({@link WeightsSource#runDefaults()}). */
        public Builder tvWeight(double tvWeight) {
            this.tvWeight = tvWeight;
            return this;
        }

        /**
         * Whether each content and style term's gradient is L1-normalised at its layer and weighed by
         * the term's weight, so that each pulls with its weight whatever the magnitude of the features
         * (as {@link io.github.nst4j.StyleTransferBuilder#normalizeGradients}). Each image of a batch is
         * normalised on its own, so that in the step's mean every image's term pulls with
         * {@code weight / batchSize} however large its features. Default: the weights'
         * ({@link WeightsSource#runDefaults()}), on for untrained weights.
         */
        public Builder normalizeGradients(boolean enabled) {
            this.normalizeGradients = enabled;
            return this;
        }

        /** Adam's step size (default {@value FastStyleTrainer#LEARNING_RATE}). */
        public Builder learningRate(double learningRate) {
            this.learningRate = learningRate;
            return this;
        }

        /** Fixes the initial weights, the order of the images, the crops and flips (default {@link Defaults#SEED}). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The network's sizes (default {@link TransformerSize#STANDARD}). */
        public Builder size(TransformerSize size) {
            this.size = size;
            return this;
        }

        public Builder listener(TrainingListener listener) {
            this.listener = listener;
            return this;
        }

        /**
         * Writes a checkpoint (a model file with the training state) to {@code file} every
         * {@code saveEvery} steps (0: never), when stopped, and at the end.
         */
        public Builder checkpoint(Path file, int saveEvery) {
            this.checkpoint = file;
            this.saveEvery = saveEvery;
            return this;
        }

        /** Continues the training whose checkpoint this is; every setting but the steps must be the same. */
        public Builder resumeFrom(Path checkpoint) {
            this.resumeFrom = checkpoint;
            return this;
        }

        /**
         * Checks the settings and takes a copy of them: changing this builder afterwards leaves the
         * trainer as it was built.
         *
         * @throws InvalidSettingException naming the first bad setting
         */
        public FastStyleTrainer build() {
            require(!styles.isEmpty(), "style", "at least one style image is required");
            require(styleWeights.stream().allMatch(w -> w > 0), "style", "style blend weights must be positive");
            require(images != null, "images", "the folder of training images is required");
            require(steps != null || epochs != null, "steps", "give the number of steps or of epochs");
            require(steps == null || steps > 0, "steps", "must be positive");
            require(epochs == null || epochs > 0, "epochs", "must be positive");
            require(batchSize > 0, "batchSize", "must be positive");
            require(crop >= FeatureNetwork.MIN_IMAGE_SIDE && crop % 4 == 0, "crop",
                    "must be a multiple of 4 and at least " + FeatureNetwork.MIN_IMAGE_SIDE);
            require(styleScale > 0, "styleScale", "must be positive");
            require(learningRate > 0, "learningRate", "must be positive");
            require(!styleLayers.isEmpty(), "styleLayers", "at least one style layer is required");
            require(saveEvery >= 0, "saveEvery", "must be 0 or positive");
            WeightsDefaults defaults = weights.runDefaults();
            LossSpec spec = new LossSpec(contentLayers != null ? contentLayers : defaults.contentLayers(), styleLayers,
                    contentWeight != null ? contentWeight : defaults.contentWeight(), styleWeight,
                    tvWeight != null ? tvWeight : defaults.tvWeight(),
                    normalizeGradients != null ? normalizeGradients : defaults.normalizeGradients());
            return new FastStyleTrainer(copy(), spec);
        }

        /** An independent builder with the same settings. */
        private Builder copy() {
            Builder copy = new Builder();
            copy.styles.addAll(styles);
            copy.styleWeights.addAll(styleWeights);
            copy.images = images;
            copy.steps = steps;
            copy.epochs = epochs;
            copy.batchSize = batchSize;
            copy.crop = crop;
            copy.styleScale = styleScale;
            copy.weights = weights;
            copy.contentWeight = contentWeight;
            copy.contentLayers = contentLayers == null ? null : EnumSet.copyOf(contentLayers);
            copy.styleWeight = styleWeight;
            copy.styleLayers = new EnumMap<>(styleLayers);
            copy.tvWeight = tvWeight;
            copy.normalizeGradients = normalizeGradients;
            copy.learningRate = learningRate;
            copy.seed = seed;
            copy.size = size;
            copy.listener = listener;
            copy.checkpoint = checkpoint;
            copy.saveEvery = saveEvery;
            copy.resumeFrom = resumeFrom;
            return copy;
        }

        private static void require(boolean condition, String setting, String message) {
            if (!condition) {
                throw new InvalidSettingException(setting, "Invalid setting " + setting + ": " + message);
            }
        }
    }
}
