package io.github.nst4j.loss;

import io.github.nst4j.listener.LossValues;
import io.github.nst4j.network.FeatureNetwork;
import io.github.nst4j.network.VggLayer;
import io.github.nst4j.workaround.GradientFunction;
import io.github.nst4j.workaround.GradientNormalizer;
import io.github.nst4j.workaround.SessionMemory;
import io.github.nst4j.workaround.UncopiedArrays;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The whole style-transfer objective as one SameDiff graph. The generated image is its only
 * {@code VARIABLE}; network weights and targets are constants. The three weighted terms are the
 * graph's loss variables, so SameDiff minimises their sum and reports each of them; a video frame
 * adds a fourth, the temporal term (see {@link TemporalTarget}).
 *
 * <p>With normalised gradients (see {@link LossSpec#normalizeGradients()}) the steps no longer
 * descend that sum: each content and style term pulls with its weight whatever its size. What they
 * descend instead is the {@linkplain Step#objective() normalised objective}: every such term's loss
 * divided by the L1 norm of its gradient at its layer, times its weight (the TV and temporal terms as
 * they are). Its
 * gradient, the norms held fixed, is the normalised gradient, and it scales alike for every term
 * when the features do, so it ranks images the way the steps move them where the raw total (whose
 * content and style terms scale with the square and the fourth power of the features) would not.
 */
public final class LossGraph implements AutoCloseable {
    /** The trainable image, {@code [1, 3, H, W]}, RGB in 0-255 pixel units. */
    public static final String IMAGE = "image";
    public static final String CONTENT_LOSS = "content_loss";
    public static final String STYLE_LOSS = "style_loss";
    public static final String TV_LOSS = "tv_loss";
    public static final String TEMPORAL_LOSS = "temporal_loss";
    private static final String[] LOSS_TERMS = {CONTENT_LOSS, STYLE_LOSS, TV_LOSS, TEMPORAL_LOSS};

    private final SameDiff sd;
    private final SameDiff gradFn;
    private final String[] stepOutputs;
    private final String imageGradientName;
    private final List<NormalizedTerm> normalizedTerms;
    /** Memory of both passes: the gradient function's and the forward-only {@link #evaluate}'s. */
    private final SessionMemory memory;

    private LossGraph(SameDiff sd, SameDiff gradFn, List<NormalizedTerm> normalizedTerms, boolean recycleArrays) {
        this.sd = sd;
        this.gradFn = gradFn;
        this.normalizedTerms = List.copyOf(normalizedTerms);
        SDVariable imageGradient = sd.getVariable(IMAGE).getGradient();
        if (imageGradient == null) {
            throw new IllegalStateException("The loss does not depend on the image");
        }
        this.imageGradientName = imageGradient.name();
        List<String> outputs = new ArrayList<>(List.of(CONTENT_LOSS, STYLE_LOSS, TV_LOSS, TEMPORAL_LOSS,
                imageGradientName));
        normalizedTerms.forEach(term -> outputs.addAll(List.of(term.lossName(), term.normName())));
        this.stepOutputs = outputs.toArray(String[]::new);
        this.memory = SessionMemory.install(gradFn, recycleArrays);
        // Otherwise the forward pass would get SameDiff's own memory manager, whose arrays wait for
        // a GC and would raise the peak of a forward-only evaluate().
        memory.alsoFor(sd);
    }

    /**
     * The loss terms of the current image and the gradient the optimiser descends.
     *
     * @param losses weighted loss terms
     * @param objective what the gradient descends: the total loss, or with normalised gradients the
     *     normalised objective (see {@link LossGraph}); images are ranked by it
     * @param gradient {@code d objective / d image}, {@code [1, 3, H, W]}
     */
    public record Step(LossValues losses, double objective, INDArray gradient) {
    }

    /**
     * A content or style term behind a {@link GradientNormalizer}: the variable of its loss, the
     * gradient function's scalar with its gradient's L1 norm, and what turns their ratio into the
     * term's share of the normalised objective.
     */
    private record NormalizedTerm(String lossName, String normName, double factor) {
    }

    /**
     * Builds the objective around a copy of {@code initialImage}, recycling each step's arrays for
     * the next (see {@link #build(FeatureNetwork, LossSpec, Targets, INDArray, DataType, boolean)}).
     *
     * @param targets from {@link Targets#compute}; no content (or style) targets drop that term
     */
    public static LossGraph build(FeatureNetwork network, LossSpec spec, Targets targets,
            INDArray initialImage, DataType dataType) {
        return build(network, spec, targets, initialImage, dataType, true);
    }

    /**
     * Builds the objective around a copy of {@code initialImage}.
     *
     * @param targets from {@link Targets#compute}; no content (or style) targets drop that term
     * @param recycleArrays whether each step reuses the arrays of the step before (faster) or frees
     *     every array as soon as the step is done with it (5-12% less peak memory, for 1.25 to 1.8
     *     times the time per step)
     */
    public static LossGraph build(FeatureNetwork network, LossSpec spec, Targets targets,
            INDArray initialImage, DataType dataType, boolean recycleArrays) {
        return build(network, spec, targets, null, initialImage, dataType, recycleArrays);
    }

    /**
     * Builds the objective of a video frame: the other terms plus {@code weight ×} the
     * {@linkplain TemporalLoss temporal loss} against {@code temporal}.
     *
     * @param temporal the warped previous frame and its mask at the image's size, or null for none
     * @see #build(FeatureNetwork, LossSpec, Targets, INDArray, DataType, boolean)
     */
    public static LossGraph build(FeatureNetwork network, LossSpec spec, Targets targets, TemporalTarget temporal,
            INDArray initialImage, DataType dataType, boolean recycleArrays) {
        SameDiff sd = UncopiedArrays.newGraph();
        SDVariable image = sd.var(IMAGE, initialImage.castTo(dataType).dup());
        long height = initialImage.size(2);
        long width = initialImage.size(3);

        boolean hasContent = !targets.content().isEmpty();
        boolean hasStyle = !targets.guides().isEmpty();
        Set<VggLayer> layers = EnumSet.noneOf(VggLayer.class);
        layers.addAll(targets.content().keySet());
        targets.guides().forEach(guide -> layers.addAll(guide.grams().keySet()));
        Map<VggLayer, SDVariable> features = network.build(sd, image, layers, dataType);

        List<NormalizedTerm> normalizedTerms = new ArrayList<>();
        List<String> lossTerms = new ArrayList<>();
        if (hasContent) {
            SDVariable contentSum = null;
            for (Map.Entry<VggLayer, INDArray> entry : targets.content().entrySet()) {
                VggLayer layer = entry.getKey();
                SDVariable term = contentTerm(sd, spec, layer, features.get(layer), entry.getValue().castTo(dataType),
                        targets.contentMasks().get(layer), dataType, normalizedTerms);
                contentSum = contentSum == null ? term : contentSum.add(term);
            }
            contentSum.mul(CONTENT_LOSS, spec.contentWeight());
            lossTerms.add(CONTENT_LOSS);
        } else {
            sd.constant(CONTENT_LOSS, Nd4j.scalar(dataType, 0));
        }

        if (hasStyle) {
            styleSum(sd, spec, targets, features, height, width, dataType, normalizedTerms)
                    .mul(STYLE_LOSS, spec.styleWeight());
            lossTerms.add(STYLE_LOSS);
        } else {
            sd.constant(STYLE_LOSS, Nd4j.scalar(dataType, 0));
        }

        TotalVariationLoss.build(sd, "tv", image, height, width).mul(TV_LOSS, spec.tvWeight());
        lossTerms.add(TV_LOSS);
        if (temporal != null && temporal.weight() > 0) {
            TemporalLoss.build(sd, "temporal", image, temporal, dataType).mul(TEMPORAL_LOSS, temporal.weight());
            lossTerms.add(TEMPORAL_LOSS);
        } else {
            sd.constant(TEMPORAL_LOSS, Nd4j.scalar(dataType, 0));
        }
        sd.setLossVariables(lossTerms.toArray(String[]::new));
        return new LossGraph(sd, GradientFunction.create(sd), normalizedTerms, recycleArrays);
    }

    /**
     * The content loss of one layer; with a mask, the squared differences inside it summed and
     * divided by the channels times the mask's whole-image area, so that the terms of a grid of tiles
     * add up to the whole image's.
     */
    private static SDVariable contentTerm(SameDiff sd, LossSpec spec, VggLayer layer, SDVariable layerFeatures,
            INDArray target, LayerMask mask, DataType dataType, List<NormalizedTerm> normalizedTerms) {
        GradientNormalizer normalizer = normalizer(sd, spec, layerFeatures, spec.contentWeight());
        SDVariable contentFeatures = normalizer == null ? layerFeatures : normalizer.outputVariable();
        String name = layer + "_content";
        SDVariable term;
        if (mask == null) {
            term = ContentLoss.build(sd, name, contentFeatures, target);
        } else {
            INDArray weights = mask.weights().castTo(dataType);
            term = ContentLoss.build(sd, name, contentFeatures.mul(sd.constant(name + "_mask", weights)),
                    target.mul(weights), 1.0 / (layer.channels() * mask.wholeArea()));
        }
        if (normalizer != null) {
            // The term enters the total as weight x term, and its normaliser's weight is that weight again.
            normalizedTerms.add(new NormalizedTerm(term.name(), normalizer.gradientNormName(),
                    spec.contentWeight() * spec.contentWeight()));
        }
        return term;
    }

    /**
     * Σ over styles and style layers of layer weight × style loss, each style's Gram taken of the
     * features inside its mask, if it has one (see {@link #styleTerm}).
     */
    private static SDVariable styleSum(SameDiff sd, LossSpec spec, Targets targets,
            Map<VggLayer, SDVariable> features, long height, long width, DataType dataType,
            List<NormalizedTerm> normalizedTerms) {
        SDVariable styleSum = null;
        for (int s = 0; s < targets.guides().size(); s++) {
            Targets.Guide guide = targets.guides().get(s);
            for (Map.Entry<VggLayer, INDArray> entry : guide.grams().entrySet()) {
                VggLayer layer = entry.getKey();
                LayerMask mask = guide.masks().get(layer);
                if (mask != null && mask.area() <= 0) {
                    continue; // the mask vanished at this resolution: nothing of this style here
                }
                String name = targets.guides().size() == 1 ? layer + "_style" : layer + "_style" + s;
                SDVariable term = styleTerm(sd, spec, layer, name, features.get(layer), mask,
                        entry.getValue().castTo(dataType), height, width, dataType, normalizedTerms);
                styleSum = styleSum == null ? term : styleSum.add(term);
            }
        }
        // Masks too small for every style layer leave no style term; the sum is then zero.
        return styleSum != null ? styleSum : sd.constant(Nd4j.scalar(dataType, 0));
    }

    /**
     * Layer weight × style loss of one layer against {@code target}. With a {@code mask} {@code m},
     * the Gram is taken of the masked features, {@code Σ m²·f·fᵀ}, and normalised by {@code Σ m²}
     * rather than the image's area: a weighted mean of {@code f·fᵀ} that estimates the statistics of
     * that region alone, whatever the mask's grey levels (normalising by {@code Σ m} would shrink it
     * where the mask is grey, and the optimiser would inflate the features there to make up). The loss
     * then counts as the mask's share {@code Σ m} of its whole-image area.
     */
    private static SDVariable styleTerm(SameDiff sd, LossSpec spec, VggLayer layer, String name,
            SDVariable layerFeatures, LayerMask mask, INDArray target, long height, long width, DataType dataType,
            List<NormalizedTerm> normalizedTerms) {
        long[] hw = FeatureNetwork.activationSize(layer, height, width);
        double weight = spec.styleWeight() * spec.styleLayers().get(layer);
        GradientNormalizer normalizer = normalizer(sd, spec, layerFeatures, weight);
        SDVariable styleFeatures = normalizer == null ? layerFeatures : normalizer.outputVariable();
        String gramName = name + "_gram";
        SDVariable term;
        if (mask == null) {
            SDVariable gram = GramMatrix.build(sd, gramName, styleFeatures, layer.channels(), hw[0], hw[1]);
            term = StyleLoss.build(sd, name, gram, target).mul(spec.styleLayers().get(layer));
        } else {
            SDVariable masked = styleFeatures.mul(sd.constant(name + "_mask", mask.weights().castTo(dataType)));
            SDVariable gram = GramMatrix.build(sd, gramName, masked, layer.channels(), hw[0], hw[1])
                    .mul(hw[0] * hw[1] / mask.squaredArea());
            term = StyleLoss.build(sd, name, gram, target)
                    .mul(spec.styleLayers().get(layer) * mask.area() / mask.wholeArea());
        }
        if (normalizer != null) {
            // The term enters the total times the style weight; its normaliser's weight is style x layer weight.
            normalizedTerms.add(new NormalizedTerm(term.name(), normalizer.gradientNormName(),
                    spec.styleWeight() * weight));
        }
        return term;
    }

    /**
     * With normalised gradients, the identity one loss term sees {@code features} through, whose
     * backward pass L1-normalises this term's gradient and weighs it by {@code weight}; else null.
     */
    private static GradientNormalizer normalizer(SameDiff sd, LossSpec spec, SDVariable features, double weight) {
        return spec.normalizeGradients() ? GradientNormalizer.apply(sd, features, weight) : null;
    }

    /** Whether the steps follow normalised gradients, and so the objective differs from the total loss. */
    public boolean normalizesGradients() {
        return !normalizedTerms.isEmpty();
    }

    /** The SameDiff graph. */
    public SameDiff sameDiff() {
        return sd;
    }

    /** The live array of the image variable; optimisation updates it in place. */
    public INDArray image() {
        return sd.getVariable(IMAGE).getArr();
    }

    /** The weighted loss terms of the current image (a forward pass only). */
    public LossValues evaluate() {
        memory.freeDropped();
        return lossValues(sd.output(Collections.emptyMap(), LOSS_TERMS));
    }

    /**
     * Loss terms and image gradient in one pass through SameDiff's gradient function.
     *
     * <p>The gradient function runs directly rather than through
     * {@code SameDiff.calculateGradientsAndOutputs}, which switches the function's array cache off
     * on every call: then every intermediate array of every step is a fresh native allocation that
     * only the Java GC frees. With the cache on, the session recycles its arrays between steps;
     * outputs are never recycled, so the returned arrays stay valid.
     */
    public Step lossesAndGradient() {
        // Arrays the previous step dropped without releasing; left to the GC they pile up (see SessionMemory).
        memory.freeDropped();
        Map<String, INDArray> values = gradFn.output(Collections.emptyMap(), stepOutputs);
        memory.keep(values.values());
        LossValues losses = lossValues(values);
        return new Step(losses, objective(losses, values), values.get(imageGradientName));
    }

    /** The total, or with normalised gradients each normalised term's loss over its gradient's norm. */
    private double objective(LossValues losses, Map<String, INDArray> values) {
        if (normalizedTerms.isEmpty()) {
            return losses.total();
        }
        double objective = losses.totalVariation() + losses.temporal();
        for (NormalizedTerm term : normalizedTerms) {
            objective += term.factor() * values.get(term.lossName()).getDouble(0)
                    / values.get(term.normName()).getDouble(0);
        }
        return objective;
    }

    /**
     * Frees the native arrays the gradient function holds (its array cache); call when done with
     * the graph rather than waiting for the garbage collector. Results already returned stay valid.
     */
    @Override
    public void close() {
        memory.close();
    }

    private static LossValues lossValues(Map<String, INDArray> values) {
        return new LossValues(values.get(CONTENT_LOSS).getDouble(0), values.get(STYLE_LOSS).getDouble(0),
                values.get(TV_LOSS).getDouble(0), values.get(TEMPORAL_LOSS).getDouble(0));
    }
}
