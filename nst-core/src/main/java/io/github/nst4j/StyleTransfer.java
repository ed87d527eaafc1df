package io.github.nst4j;

import io.github.nst4j.error.DivergedException;
import io.github.nst4j.error.NstException;
import io.github.nst4j.image.Alpha;
import io.github.nst4j.image.ImageSize;
import io.github.nst4j.image.Images;
import io.github.nst4j.image.Luminance;
import io.github.nst4j.image.PixelTensors;
import io.github.nst4j.listener.EarlyStop;
import io.github.nst4j.listener.IterationListener;
import io.github.nst4j.listener.LossValues;
import io.github.nst4j.listener.PreparationEvent;
import io.github.nst4j.loss.LayerMask;
import io.github.nst4j.loss.LossGraph;
import io.github.nst4j.loss.Targets;
import io.github.nst4j.loss.TemporalTarget;
import io.github.nst4j.network.FeatureNetwork;
import io.github.nst4j.network.VggLayer;
import io.github.nst4j.optim.AdamImageOptimizer;
import io.github.nst4j.optim.BudgetedObjective;
import io.github.nst4j.optim.ImageOptimizer;
import io.github.nst4j.optim.LbfgsImageOptimizer;
import io.github.nst4j.plan.PyramidLevel;
import io.github.nst4j.plan.Region;
import io.github.nst4j.plan.Tile;
import io.github.nst4j.plan.TileGrid;
import io.github.nst4j.plan.TimeEstimate;
import io.github.nst4j.tile.TileResult;
import io.github.nst4j.tile.TiledGram;
import io.github.nst4j.tile.TiledLevel;
import io.github.nst4j.tile.TiledLoss;
import io.github.nst4j.tile.WindowProgress;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

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
 * <p>Besides transfer, the {@link Mode}s of the paper: texture synthesis (style only, from noise)
 * and content reconstruction (content only, from noise). Settings are described on
 * {@link StyleTransferBuilder}.
 *
 * <p><b>Threads.</b> Instances are immutable and {@link #run} may be called repeatedly. Each run
 * builds its own graphs and does all its work on the calling thread (SameDiff keeps its session
 * memory per thread), so runs on different threads do not share state; they do share the machine's
 * cores, so running them one after another is as fast. Listeners are called on the running thread.
 */
public final class StyleTransfer {
    private final StyleTransferSettings settings;
    private final PreparedImages images;
    private final List<PyramidLevel> levels;
    private final long fingerprint;
    private final int totalIterations;

    StyleTransfer(StyleTransferSettings settings, PreparedImages images, List<PyramidLevel> levels, long fingerprint) {
        this.settings = settings;
        this.images = images;
        this.levels = List.copyOf(levels);
        this.fingerprint = fingerprint;
        this.totalIterations = this.levels.stream().mapToInt(level -> level.evaluations(settings.iterations())).sum();
    }

    /** A builder with the {@link Defaults}. */
    public static StyleTransferBuilder builder() {
        return new StyleTransferBuilder();
    }

    /** Runs without a listener. */
    public StyleTransferResult run() {
        return run(IterationListener.NONE);
    }

    /**
     * Loads the weights and optimises the image at each pyramid level in turn: targets from the content and
     * style images resized to the level, starting from the previous level's result (upsampled).
     *
     * @param listener sees every evaluation and may stop the run early; the result then carries a
     *     {@link ResumeState} to resume from
     * @throws NstException if the weights cannot be loaded
     * @throws DivergedException if the loss becomes NaN or infinite; it carries the best image so far
     */
    public StyleTransferResult run(IterationListener listener) {
        FeatureNetwork network = new FeatureNetwork(settings.weights().load(), settings.pooling());
        ResumeState resume = settings.resumeFrom();
        if (resume == null && listener.wantsEstimate() && levels.stream().anyMatch(PyramidLevel::tiled)) {
            listener.onEstimate(estimate(network));
        }
        int firstLevel = resume == null ? 0 : resume.levelIndex();
        long startNanos = System.nanoTime();
        LevelOutcome outcome = new LevelOutcome(null, 0, Double.NaN, List.of(), null, null, List.of());
        List<EarlyStop> earlyStops = new ArrayList<>();
        List<TileResult> tiles = new ArrayList<>();
        BufferedImage previous = null;
        for (int index = firstLevel; index < levels.size(); index++) {
            PyramidLevel level = levels.get(index);
            ResumeState resumeHere = resume != null && index == firstLevel ? resume : null;
            INDArray start = resumeHere != null ? resumeHere.resumePoint().optimizerState().get(ImageOptimizer.IMAGE)
                    : previous == null ? StartImage.initial(settings, images, level.output())
                    : PixelTensors.fromImage(Images.resize(previous, level.output().width(), level.output().height()));
            BudgetedObjective.EventContext context = new BudgetedObjective.EventContext(level.output().width(),
                    level.output().height(), index + 1, levels.size(), totalIterations(), startNanos, null, null);
            outcome = level.tiled()
                    ? runTiled(network, level, index, start, outcome.history(), resumeHere, listener, context)
                    : runWhole(network, level, index, start, outcome.history(), resumeHere, listener, context);
            if (outcome.earlyStop() != null) {
                earlyStops.add(outcome.earlyStop());
            }
            tiles.addAll(outcome.tiles());
            previous = PixelTensors.toImage(outcome.best());
            if (outcome.stoppedAt() != null) {
                break;
            }
        }
        return result(previous, outcome, earlyStops, tiles, startNanos);
    }

    /**
     * Forecasts how long {@link #run()} takes on this machine from the start (a resumed run's done part
     * included), from a forward pass and two optimisation steps timed on the run's largest window
     * (loading the weights first). A fresh run with a level in tiles reports the same forecast to a
     * listener that {@linkplain IterationListener#wantsEstimate() wants it} before it starts.
     *
     * @throws NstException if the weights cannot be loaded
     */
    public TimeEstimate estimate() {
        return estimate(new FeatureNetwork(settings.weights().load(), settings.pooling()));
    }

    private TimeEstimate estimate(FeatureNetwork network) {
        PyramidLevel last = levels.get(levels.size() - 1);
        ImageSize window = last.output();
        if (last.tiled()) {
            Region largest = last.tiles().grid(window.width(), window.height(), 0).tiles().stream().map(Tile::window)
                    .max(Comparator.comparingLong(Region::area)).orElseThrow();
            window = new ImageSize(largest.width(), largest.height());
        }
        boolean hasContent = images.content() != null;
        TimeEstimate.UnitCosts costs = Calibration.measure(network, settings.lossSpec(), window, hasContent,
                !images.styles().isEmpty(), !settings.lowMemory());
        return TimeEstimate.of(levels, settings.iterations(), hasContent, costs);
    }

    /**
     * What a level leaves: its best image with its iteration and loss, the run's history so far, an
     * early stop, where to resume if a listener stopped the run, and the tiles of a tiled level.
     */
    private record LevelOutcome(INDArray best, int bestIteration, double bestLoss, List<LossValues> history,
            EarlyStop earlyStop, ResumeState stoppedAt, List<TileResult> tiles) {
    }

    private LevelOutcome runWhole(FeatureNetwork network, PyramidLevel level, int index, INDArray start,
            List<LossValues> history, ResumeState resume, IterationListener listener,
            BudgetedObjective.EventContext context) {
        List<LossValues> before = resume != null ? resume.resumePoint().history() : history;
        TiledLevel.Comparison comparison;
        try {
            comparison = comparison(network, level, preparation(listener, PreparationEvent.Task.STYLE_STATISTICS));
        } catch (PreparationStopped stopped) {
            return stoppedBefore(index, start, new TiledLevel.Start(0, 0, before), List.of());
        }
        TemporalTarget temporal = settings.temporal() == null ? null
                : settings.temporal().at(level.output().width(), level.output().height());
        LossGraph graph = LossGraph.build(network, settings.lossSpec(), targets(network, comparison), temporal,
                start, DataType.FLOAT, !settings.lowMemory());
        // A level that stopped early leaves the rest of its budget unused: each level gets its own.
        int levelStart = resume != null ? resume.resumePoint().levelStart() : history.size();
        BudgetedObjective.LevelBudget budget = new BudgetedObjective.LevelBudget(levelStart,
                levelStart + settings.iterations(), index > 0);
        BudgetedObjective evaluator = new BudgetedObjective(graph, before, budget, settings.stopRule(), listener,
                context);
        // A state written before the level's first step holds its start image alone.
        boolean started = resume != null && resume.resumePoint().iterations() > resume.resumePoint().levelStart();
        if (started) {
            evaluator.restore(resume.resumePoint());
        }
        try (graph) {
            imageOptimizer().optimize(evaluator, started ? resume.resumePoint().optimizerState() : null);
        }
        ResumeState stoppedAt = evaluator.stopRequested()
                ? new ResumeState(fingerprint, index, evaluator.lastResumePoint(), 0, 0) : null;
        return new LevelOutcome(evaluator.bestImage(), evaluator.bestIteration(), evaluator.bestLoss(),
                evaluator.history(), evaluator.earlyStop(), stoppedAt, List.of());
    }

    /**
     * A level too large for memory, in tiles (see {@link TiledLevel}); its best image is the last one,
     * scored over the whole image with forward passes only.
     */
    private LevelOutcome runTiled(FeatureNetwork network, PyramidLevel level, int index, INDArray start,
            List<LossValues> history, ResumeState resume, IterationListener listener,
            BudgetedObjective.EventContext context) {
        TiledLevel.Start from = resume != null
                ? new TiledLevel.Start(resume.tilePass(), resume.tileIndex(), resume.resumePoint().history())
                : new TiledLevel.Start(0, 0, history);
        TiledLevel.Comparison comparison;
        try {
            comparison = comparison(network, level, preparation(listener, PreparationEvent.Task.STYLE_STATISTICS));
        } catch (PreparationStopped stopped) {
            return stoppedBefore(index, start, from, List.of());
        }
        TiledLevel tiled = new TiledLevel(network, settings.lossSpec(), level.tiles(), this::imageOptimizer,
                !settings.lowMemory());
        TiledLevel.Outcome outcome = tiled.run(start, comparison, settings.iterations(), from, listener, context);
        if (outcome.stoppedAt() != null) {
            return stoppedBefore(index, outcome.image(), outcome.stoppedAt(), outcome.tiles());
        }
        int done = outcome.history().size();
        TileGrid grid = level.tiles().grid(level.output().width(), level.output().height(), 0);
        double wholeLoss;
        try {
            wholeLoss = TiledLoss.of(network, settings.lossSpec(), outcome.image(), comparison, grid,
                    preparation(listener, PreparationEvent.Task.WHOLE_IMAGE_LOSS)).total();
        } catch (PreparationStopped stopped) {
            wholeLoss = Double.NaN; // the image is finished; only its measurement was cut short
        }
        if (comparison.content() != null) {
            comparison.content().close();
        }
        return new LevelOutcome(outcome.image(), done, wholeLoss, outcome.history(), null, null, outcome.tiles());
    }

    /**
     * A level stopped before tile {@code at} (a whole level: before its steps, at pass and tile 0),
     * holding {@code image}: the run can resume there.
     */
    private LevelOutcome stoppedBefore(int index, INDArray image, TiledLevel.Start at, List<TileResult> tiles) {
        int done = at.history().size();
        BudgetedObjective.ResumePoint point = new BudgetedObjective.ResumePoint(done, done, image,
                Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, done, at.history(),
                Map.of(ImageOptimizer.IMAGE, image));
        return new LevelOutcome(image, done, Double.NaN, at.history(), null,
                new ResumeState(fingerprint, index, point, at.pass(), at.tile()), tiles);
    }

    /** Reports each window of long work to {@code listener}, and ends it when the listener asks. */
    private static WindowProgress preparation(IterationListener listener, PreparationEvent.Task task) {
        long startNanos = System.nanoTime();
        return (done, total) -> {
            PreparationEvent event = new PreparationEvent(task, done, total,
                    Duration.ofNanos(System.nanoTime() - startNanos));
            listener.onPreparation(event);
            if (event.stopRequested()) {
                throw new PreparationStopped();
            }
        };
    }

    /** Unwinds long work between steps that a listener stopped. */
    private static final class PreparationStopped extends RuntimeException {
        PreparationStopped() {
            super(null, null, false, false);
        }
    }

    private StyleTransferResult result(BufferedImage image, LevelOutcome last, List<EarlyStop> earlyStops,
            List<TileResult> tiles, long startNanos) {
        BufferedImage colored = settings.colors() == ColorPreservation.LUMINANCE
                ? Luminance.combine(image, Images.resize(images.originalContent(), image.getWidth(), image.getHeight()))
                : image;
        BufferedImage output = images.contentAlpha() == null ? colored : Alpha.attach(colored, images.contentAlpha());
        return new StyleTransferResult(output, last.bestIteration(), last.bestLoss(), last.history(), earlyStops,
                last.stoppedAt() != null, Duration.ofNanos(System.nanoTime() - startNanos), last.stoppedAt(), tiles);
    }

    /** A whole level's targets: the content features of the whole image, and the level's masks and Grams. */
    private Targets targets(FeatureNetwork network, TiledLevel.Comparison comparison) {
        Set<VggLayer> contentLayers = settings.lossSpec().contentLayers();
        Map<VggLayer, INDArray> content = comparison.content() == null || contentLayers.isEmpty() ? Map.of()
                : network.features(comparison.content(), contentLayers, DataType.FLOAT);
        return new Targets(content, comparison.contentMasks(), comparison.guides());
    }

    /**
     * What a level is compared with over the whole image: the content pixels, where the content
     * counts (its opacity), and the style Gram matrices, of each style within its mask or blended.
     * A style's Grams leave out its transparent pixels, and are computed in tiles where the style
     * image is larger than the level's tiles.
     */
    private TiledLevel.Comparison comparison(FeatureNetwork network, PyramidLevel level, WindowProgress progress) {
        int width = level.output().width();
        int height = level.output().height();
        INDArray content = images.content() == null ? null
                : PixelTensors.fromImage(Images.resize(images.content(), width, height));
        Map<VggLayer, LayerMask> contentMasks = new EnumMap<>(VggLayer.class);
        if (images.contentAlpha() != null) {
            layerWeights(images.contentAlpha(), settings.lossSpec().contentLayers(), width, height)
                    .forEach((layer, weights) -> contentMasks.put(layer, LayerMask.whole(weights)));
        }
        Set<VggLayer> styleLayers = settings.lossSpec().styleLayers().keySet();
        List<Map<VggLayer, INDArray>> grams = new ArrayList<>();
        List<TileGrid> grids = styleLayers.isEmpty() ? List.of()
                : IntStream.range(0, images.styles().size()).mapToObj(level::styleGrid).toList();
        // One count over all styles' windows, so that progress and its ETA run once through them.
        int windows = grids.stream().mapToInt(grid -> grid.tiles().size()).sum();
        int before = 0;
        for (int i = 0; i < grids.size(); i++) {
            int offset = before;
            grams.add(styleGrams(network, level, i, styleLayers, grids.get(i),
                    (done, total) -> progress.windowDone(offset + done, windows)));
            before += grids.get(i).tiles().size();
        }
        List<Targets.Guide> guides = new ArrayList<>();
        if (!images.styleMasks().isEmpty()) {
            for (int i = 0; i < grams.size(); i++) {
                Map<VggLayer, LayerMask> masks = new EnumMap<>(VggLayer.class);
                layerWeights(images.styleMasks().get(i), styleLayers, width, height)
                        .forEach((layer, weights) -> masks.put(layer, LayerMask.whole(weights)));
                guides.add(new Targets.Guide(grams.get(i), masks));
            }
        } else if (!grams.isEmpty()) {
            Map<VggLayer, INDArray> blend = new EnumMap<>(VggLayer.class);
            for (int i = 0; i < grams.size(); i++) {
                double weight = settings.styleBlend().get(i);
                grams.get(i).forEach((layer, gram) -> blend.merge(layer, gram.mul(weight), INDArray::addi));
            }
            guides.add(new Targets.Guide(blend, Map.of()));
        }
        return new TiledLevel.Comparison(content, contentMasks, guides);
    }

    /** Style {@code index}'s Gram matrices at this level over {@code grid}, its transparent pixels left out. */
    private Map<VggLayer, INDArray> styleGrams(FeatureNetwork network, PyramidLevel level, int index,
            Set<VggLayer> layers, TileGrid grid, WindowProgress progress) {
        ImageSize size = level.styles().get(index);
        Map<VggLayer, INDArray> opacity = images.styleAlphas().get(index)
                .map(alpha -> layerWeights(alpha, layers, size.width(), size.height())).orElse(Map.of());
        try (INDArray pixels = PixelTensors.fromImage(Images.resize(images.styles().get(index), size.width(),
                size.height()))) {
            return TiledGram.of(network, pixels, layers, grid, opacity, progress);
        }
    }

    /**
     * A gray picture (white = 1) at each layer's resolution of a {@code width x height} image, {@code [1, h, w, 1]};
     * a picture of another shape is centre-cropped to it first, as a start image is, not stretched.
     */
    private static Map<VggLayer, INDArray> layerWeights(BufferedImage picture, Set<VggLayer> layers, int width,
            int height) {
        BufferedImage shaped = Images.cropToAspect(picture, width, height);
        Map<VggLayer, INDArray> weights = new EnumMap<>(VggLayer.class);
        for (VggLayer layer : layers) {
            long[] hw = FeatureNetwork.activationSize(layer, height, width);
            weights.put(layer, PixelTensors.maskFromImage(Images.resize(shaped, (int) hw[1], (int) hw[0])));
        }
        return weights;
    }

    private ImageOptimizer imageOptimizer() {
        return settings.optimizer() == Optimizer.LBFGS
                ? new LbfgsImageOptimizer(settings.lbfgsMemory(), settings.learningRate())
                : new AdamImageOptimizer(settings.learningRate());
    }

    /**
     * Loss evaluations the run makes unless stopped or converged: each level's iterations, times its
     * tiles in a level optimised in tiles.
     */
    public int totalIterations() {
        return totalIterations;
    }

    /** Width of the generated image in pixels. */
    public int outputWidth() {
        return levels.get(levels.size() - 1).output().width();
    }

    /** Height of the generated image in pixels. */
    public int outputHeight() {
        return levels.get(levels.size() - 1).output().height();
    }

    /** Loss evaluations at each pyramid level. */
    public int iterationsPerLevel() {
        return settings.iterations();
    }

    /** The pyramid levels the run goes through, coarse to fine; one for a single-level run. */
    public List<PyramidLevel> levels() {
        return levels;
    }

    /** What the run reconstructs. */
    public Mode mode() {
        return settings.mode();
    }

    /** The layers the content loss compares, as given or as the weights imply; empty in texture mode. */
    public Set<VggLayer> contentLayers() {
        return settings.lossSpec().contentLayers();
    }

    /** The optimiser the run uses. */
    public Optimizer optimizer() {
        return settings.optimizer();
    }

    /**
     * Whether each term's gradient is normalised (as set, or by default with untrained weights), so that
     * the result is the iteration with the lowest normalised objective rather than the lowest total
     * loss (see {@link LossGraph}).
     */
    public boolean normalizesGradients() {
        return settings.lossSpec().normalizeGradients();
    }

    /** The weight of the content loss, as given or as the weights imply. */
    public double contentWeight() {
        return settings.lossSpec().contentWeight();
    }

    /** The weight of the total-variation loss, as given or as the weights imply. */
    public double tvWeight() {
        return settings.lossSpec().tvWeight();
    }

    /** What the first level starts from, as chosen or as the inputs imply. */
    public InitMode init() {
        return settings.init();
    }

    /** Identifies the settings and images; a {@link ResumeState} resumes only a run with the same one. */
    public long fingerprint() {
        return fingerprint;
    }
}
