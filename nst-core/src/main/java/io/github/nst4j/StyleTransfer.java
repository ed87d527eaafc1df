package io.github.nst4j;

import io.github.nst4j.image.Images;
import io.github.nst4j.image.Luminance;
import io.github.nst4j.image.PixelTensors;
import io.github.nst4j.internal.AdamImageOptimizer;
import io.github.nst4j.internal.Evaluator;
import io.github.nst4j.internal.ImageOptimizer;
import io.github.nst4j.internal.LbfgsImageOptimizer;
import io.github.nst4j.listener.IterationListener;
import io.github.nst4j.listener.LossValues;
import io.github.nst4j.loss.LossGraph;
import io.github.nst4j.loss.LossSpec;
import io.github.nst4j.loss.Targets;
import io.github.nst4j.model.FeatureNetwork;
import io.github.nst4j.model.Pooling;
import io.github.nst4j.model.VggLayer;
import io.github.nst4j.weights.WeightsSource;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * and content reconstruction (content only, from noise). Instances are immutable; {@link #run} may
 * be called repeatedly. Settings are described on {@link StyleTransferBuilder}.
 */
public final class StyleTransfer {
    /** Content layer of the paper and of neural-style. */
    public static final VggLayer DEFAULT_CONTENT_LAYER = VggLayer.BLOCK4_CONV2;

    private final StyleTransferSettings settings;
    private final PreparedImages images;
    private final List<Scale> scales;
    private final long fingerprint;

    StyleTransfer(StyleTransferSettings settings, PreparedImages images, List<Scale> scales, long fingerprint) {
        this.settings = settings;
        this.images = images;
        this.scales = List.copyOf(scales);
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
     * Loads the weights and optimises the image at each scale in turn: targets from the content and
     * style images resized to the scale, starting from the previous scale's result (upsampled).
     *
     * @param listener sees every evaluation and may stop the run early; the result then carries a
     *     {@link RunState} to resume from
     * @throws NstException if the weights cannot be loaded
     * @throws DivergedException if the loss becomes NaN or infinite; it carries the best image so far
     */
    public StyleTransferResult run(IterationListener listener) {
        FeatureNetwork network = new FeatureNetwork(settings.weights().load(), settings.pooling());
        RunState resume = settings.resumeFrom();
        int firstScale = resume == null ? 0 : resume.scaleIndex();
        long startNanos = System.nanoTime();
        List<LossValues> history = new ArrayList<>();
        BufferedImage previous = null;
        INDArray best = null;
        int bestIteration = 0;
        for (int index = firstScale; index < scales.size(); index++) {
            Scale scale = scales.get(index);
            boolean resuming = resume != null && index == firstScale;
            INDArray start = resuming ? resume.checkpoint().optimizerState().get(ImageOptimizer.IMAGE)
                    : previous == null ? StartImage.initial(settings, images, scale.output())
                    : PixelTensors.fromImage(Images.resize(previous, scale.output().width(), scale.output().height()));
            LossGraph graph = LossGraph.build(network, settings.lossSpec(), targets(network, scale), start,
                    DataType.FLOAT, !settings.lowMemory());
            Evaluator.EventContext context = new Evaluator.EventContext(scale.output().width(),
                    scale.output().height(), index + 1, scales.size(), scales.size() * settings.iterations(),
                    startNanos);
            Evaluator evaluator = new Evaluator(graph, history, (index + 1) * settings.iterations(), listener, context);
            if (resuming) {
                evaluator.restore(resume.checkpoint());
            }
            try (graph) {
                optimizer().optimize(evaluator, resuming ? resume.checkpoint().optimizerState() : null);
            }
            history = evaluator.history();
            best = evaluator.bestImage();
            bestIteration = evaluator.bestIteration();
            previous = PixelTensors.toImage(best);
            if (evaluator.stopRequested()) {
                RunState state = new RunState(fingerprint, index, evaluator.lastCheckpoint());
                return result(previous, bestIteration, history, state, startNanos);
            }
        }
        return result(previous, bestIteration, history, null, startNanos);
    }

    private StyleTransferResult result(BufferedImage image, int bestIteration, List<LossValues> history,
            RunState state, long startNanos) {
        BufferedImage output = settings.colors() == ColorPreservation.LUMINANCE
                ? Luminance.combine(image, Images.resize(images.originalContent(), image.getWidth(), image.getHeight()))
                : image;
        return new StyleTransferResult(output, bestIteration, history, state != null,
                Duration.ofNanos(System.nanoTime() - startNanos), state);
    }

    private Targets targets(FeatureNetwork network, Scale scale) {
        INDArray content = images.content() == null ? null : PixelTensors.fromImage(
                Images.resize(images.content(), scale.output().width(), scale.output().height()));
        List<Targets.WeightedStyle> styles = new ArrayList<>();
        for (int i = 0; i < images.styles().size(); i++) {
            ImageSize size = scale.styles().get(i);
            styles.add(new Targets.WeightedStyle(PixelTensors.fromImage(
                    Images.resize(images.styles().get(i), size.width(), size.height())), settings.styleBlend().get(i)));
        }
        return Targets.compute(network, settings.lossSpec(), content, styles, DataType.FLOAT);
    }

    private ImageOptimizer optimizer() {
        return settings.optimizer() == Optimizer.LBFGS
                ? new LbfgsImageOptimizer(settings.lbfgsMemory(), settings.learningRate())
                : new AdamImageOptimizer(settings.learningRate());
    }

    /** Width of the generated image in pixels. */
    public int outputWidth() {
        return scales.get(scales.size() - 1).output().width();
    }

    /** Height of the generated image in pixels. */
    public int outputHeight() {
        return scales.get(scales.size() - 1).output().height();
    }

    /** Loss evaluations at each scale. */
    public int iterationsPerScale() {
        return settings.iterations();
    }

    /** The scales the run goes through, coarse to fine; one for a single-scale run. */
    public List<Scale> scales() {
        return scales;
    }

    /** What the run reconstructs. */
    public Mode mode() {
        return settings.mode();
    }

    /** Whether this run has a content image; false for texture synthesis. */
    public boolean hasContent() {
        return images.content() != null;
    }

    /** Identifies the settings and images; a {@link RunState} resumes only a run with the same one. */
    public long fingerprint() {
        return fingerprint;
    }
}
