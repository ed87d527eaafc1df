package io.github.nst4j;

import io.github.nst4j.error.DivergedException;
import io.github.nst4j.error.NstException;
import io.github.nst4j.image.ImageSize;
import io.github.nst4j.image.Images;
import io.github.nst4j.image.Luminance;
import io.github.nst4j.image.PixelTensors;
import io.github.nst4j.listener.EarlyStop;
import io.github.nst4j.listener.IterationListener;
import io.github.nst4j.listener.LossValues;
import io.github.nst4j.loss.LossGraph;
import io.github.nst4j.loss.Targets;
import io.github.nst4j.network.FeatureNetwork;
import io.github.nst4j.network.VggLayer;
import io.github.nst4j.optim.AdamImageOptimizer;
import io.github.nst4j.optim.BudgetedObjective;
import io.github.nst4j.optim.ImageOptimizer;
import io.github.nst4j.optim.LbfgsImageOptimizer;
import io.github.nst4j.plan.PyramidLevel;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    StyleTransfer(StyleTransferSettings settings, PreparedImages images, List<PyramidLevel> levels, long fingerprint) {
        this.settings = settings;
        this.images = images;
        this.levels = List.copyOf(levels);
        this.fingerprint = fingerprint;
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
        int firstLevel = resume == null ? 0 : resume.levelIndex();
        long startNanos = System.nanoTime();
        List<LossValues> history = new ArrayList<>();
        BufferedImage previous = null;
        INDArray best = null;
        int bestIteration = 0;
        double bestLoss = Double.NaN;
        List<EarlyStop> earlyStops = new ArrayList<>();
        for (int index = firstLevel; index < levels.size(); index++) {
            PyramidLevel level = levels.get(index);
            boolean resuming = resume != null && index == firstLevel;
            INDArray start = resuming ? resume.resumePoint().optimizerState().get(ImageOptimizer.IMAGE)
                    : previous == null ? StartImage.initial(settings, images, level.output())
                    : PixelTensors.fromImage(Images.resize(previous, level.output().width(), level.output().height()));
            LossGraph graph = LossGraph.build(network, settings.lossSpec(), targets(network, level), start,
                    DataType.FLOAT, !settings.lowMemory());
            BudgetedObjective.EventContext context = new BudgetedObjective.EventContext(level.output().width(),
                    level.output().height(), index + 1, levels.size(), levels.size() * settings.iterations(),
                    startNanos);
            // A level that stopped early leaves the rest of its budget unused: each level gets its own.
            int levelStart = resuming ? resume.resumePoint().levelStart() : history.size();
            BudgetedObjective.LevelBudget budget = new BudgetedObjective.LevelBudget(levelStart,
                    levelStart + settings.iterations(), index > 0);
            BudgetedObjective evaluator = new BudgetedObjective(graph, history, budget, settings.stopRule(), listener,
                    context);
            if (resuming) {
                evaluator.restore(resume.resumePoint());
            }
            try (graph) {
                imageOptimizer().optimize(evaluator, resuming ? resume.resumePoint().optimizerState() : null);
            }
            history = evaluator.history();
            if (evaluator.earlyStop() != null) {
                earlyStops.add(evaluator.earlyStop());
            }
            best = evaluator.bestImage();
            bestIteration = evaluator.bestIteration();
            bestLoss = evaluator.bestLoss();
            previous = PixelTensors.toImage(best);
            if (evaluator.stopRequested()) {
                ResumeState state = new ResumeState(fingerprint, index, evaluator.lastResumePoint());
                return result(previous, bestIteration, bestLoss, history, earlyStops, state, startNanos);
            }
        }
        return result(previous, bestIteration, bestLoss, history, earlyStops, null, startNanos);
    }

    private StyleTransferResult result(BufferedImage image, int bestIteration, double bestLoss,
            List<LossValues> history, List<EarlyStop> earlyStops, ResumeState state, long startNanos) {
        BufferedImage output = settings.colors() == ColorPreservation.LUMINANCE
                ? Luminance.combine(image, Images.resize(images.originalContent(), image.getWidth(), image.getHeight()))
                : image;
        return new StyleTransferResult(output, bestIteration, bestLoss, history, earlyStops, state != null,
                Duration.ofNanos(System.nanoTime() - startNanos), state);
    }

    private Targets targets(FeatureNetwork network, PyramidLevel level) {
        INDArray content = images.content() == null ? null : PixelTensors.fromImage(
                Images.resize(images.content(), level.output().width(), level.output().height()));
        List<Targets.WeightedStyle> styles = new ArrayList<>();
        for (int i = 0; i < images.styles().size(); i++) {
            ImageSize size = level.styles().get(i);
            styles.add(new Targets.WeightedStyle(PixelTensors.fromImage(
                    Images.resize(images.styles().get(i), size.width(), size.height())), settings.styleBlend().get(i)));
        }
        if (!images.styleMasks().isEmpty()) {
            List<Targets.GuidedStyle> guided = new ArrayList<>();
            for (int i = 0; i < styles.size(); i++) {
                guided.add(new Targets.GuidedStyle(styles.get(i).pixels(), layerMasks(images.styleMasks().get(i), level)));
            }
            return Targets.guided(network, settings.lossSpec(), content, guided, DataType.FLOAT);
        }
        return Targets.compute(network, settings.lossSpec(), content, styles, DataType.FLOAT);
    }

    /** A style's mask at each style layer's resolution of this level's output. */
    private Map<VggLayer, INDArray> layerMasks(BufferedImage mask, PyramidLevel level) {
        Map<VggLayer, INDArray> masks = new EnumMap<>(VggLayer.class);
        for (VggLayer layer : settings.lossSpec().styleLayers().keySet()) {
            long[] hw = FeatureNetwork.activationSize(layer, level.output().height(), level.output().width());
            masks.put(layer, PixelTensors.maskFromImage(Images.resize(mask, (int) hw[1], (int) hw[0])));
        }
        return masks;
    }

    private ImageOptimizer imageOptimizer() {
        return settings.optimizer() == Optimizer.LBFGS
                ? new LbfgsImageOptimizer(settings.lbfgsMemory(), settings.learningRate())
                : new AdamImageOptimizer(settings.learningRate());
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

    /** The layers the content loss compares; empty in texture mode. */
    public Set<VggLayer> contentLayers() {
        return settings.lossSpec().contentLayers();
    }

    /** The optimiser the run uses. */
    public Optimizer optimizer() {
        return settings.optimizer();
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
