package io.github.nst4j.loss;

import io.github.nst4j.listener.LossValues;
import io.github.nst4j.network.FeatureNetwork;
import io.github.nst4j.network.VggLayer;
import io.github.nst4j.workaround.GradientFunction;
import io.github.nst4j.workaround.GradientNormalizer;
import io.github.nst4j.workaround.SessionMemory;
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
 * graph's loss variables, so SameDiff minimises their sum and reports each of them.
 */
public final class LossGraph implements AutoCloseable {
    /** The trainable image, {@code [1, 3, H, W]}, RGB in 0-255 pixel units. */
    public static final String IMAGE = "image";
    public static final String CONTENT_LOSS = "content_loss";
    public static final String STYLE_LOSS = "style_loss";
    public static final String TV_LOSS = "tv_loss";
    private static final String[] LOSS_TERMS = {CONTENT_LOSS, STYLE_LOSS, TV_LOSS};

    private final SameDiff sd;
    private final SameDiff gradFn;
    private final String[] stepOutputs;
    /** Memory of both passes: the gradient function's and the forward-only {@link #evaluate}'s. */
    private final SessionMemory memory;

    private LossGraph(SameDiff sd, SameDiff gradFn, boolean recycleArrays) {
        this.sd = sd;
        this.gradFn = gradFn;
        SDVariable imageGradient = sd.getVariable(IMAGE).getGradient();
        if (imageGradient == null) {
            throw new IllegalStateException("The loss does not depend on the image");
        }
        this.stepOutputs = new String[] {CONTENT_LOSS, STYLE_LOSS, TV_LOSS, imageGradient.name()};
        this.memory = SessionMemory.install(gradFn, recycleArrays);
        // Otherwise the forward pass would get SameDiff's own memory manager, whose arrays wait for
        // a GC and would raise the run's peak for the one score at the end of a level.
        memory.alsoFor(sd);
    }

    /**
     * The loss terms of the current image and the gradient of their sum with respect to it.
     *
     * @param losses weighted loss terms
     * @param gradient {@code d total / d image}, {@code [1, 3, H, W]}
     */
    public record Step(LossValues losses, INDArray gradient) {
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
        SameDiff sd = SameDiff.create();
        SDVariable image = sd.var(IMAGE, initialImage.castTo(dataType).dup());
        long height = initialImage.size(2);
        long width = initialImage.size(3);

        boolean hasContent = !targets.content().isEmpty();
        boolean hasStyle = !targets.styleGrams().isEmpty() || !targets.guides().isEmpty();
        Set<VggLayer> layers = EnumSet.noneOf(VggLayer.class);
        if (hasContent) {
            layers.addAll(targets.content().keySet());
        }
        if (hasStyle) {
            layers.addAll(targets.styleGrams().keySet());
            targets.guides().forEach(guide -> layers.addAll(guide.grams().keySet()));
        }
        Map<VggLayer, SDVariable> features = network.build(sd, image, layers, dataType);

        List<String> lossTerms = new ArrayList<>();
        if (hasContent) {
            SDVariable contentSum = null;
            for (Map.Entry<VggLayer, INDArray> entry : targets.content().entrySet()) {
                VggLayer layer = entry.getKey();
                SDVariable term = ContentLoss.build(sd, layer + "_content",
                        normalized(sd, spec, features.get(layer), spec.contentWeight()), entry.getValue().castTo(dataType));
                contentSum = contentSum == null ? term : contentSum.add(term);
            }
            contentSum.mul(CONTENT_LOSS, spec.contentWeight());
            lossTerms.add(CONTENT_LOSS);
        } else {
            sd.constant(CONTENT_LOSS, Nd4j.scalar(dataType, 0));
        }

        if (hasStyle) {
            SDVariable styleSum = targets.guides().isEmpty()
                    ? blendedStyle(sd, spec, targets, features, height, width, dataType)
                    : guidedStyle(sd, spec, targets, features, height, width, dataType);
            styleSum.mul(STYLE_LOSS, spec.styleWeight());
            lossTerms.add(STYLE_LOSS);
        } else {
            sd.constant(STYLE_LOSS, Nd4j.scalar(dataType, 0));
        }

        TotalVariationLoss.build(sd, "tv", image, height, width).mul(TV_LOSS, spec.tvWeight());
        lossTerms.add(TV_LOSS);
        sd.setLossVariables(lossTerms.toArray(String[]::new));
        return new LossGraph(sd, GradientFunction.create(sd), recycleArrays);
    }

    /** Σ over style layers of layer weight × style loss against the blended Gram targets. */
    private static SDVariable blendedStyle(SameDiff sd, LossSpec spec, Targets targets,
            Map<VggLayer, SDVariable> features, long height, long width, DataType dataType) {
        SDVariable styleSum = null;
        for (Map.Entry<VggLayer, INDArray> entry : targets.styleGrams().entrySet()) {
            VggLayer layer = entry.getKey();
            SDVariable term = styleTerm(sd, spec, layer, layer + "_gram", layer + "_style", features.get(layer), null,
                    entry.getValue().castTo(dataType), height, width);
            styleSum = styleSum == null ? term : styleSum.add(term);
        }
        return styleSum;
    }

    /**
     * Σ over styles and style layers of layer weight × style loss, each style's Gram taken of the
     * features inside its mask (see {@link #styleTerm}).
     */
    private static SDVariable guidedStyle(SameDiff sd, LossSpec spec, Targets targets,
            Map<VggLayer, SDVariable> features, long height, long width, DataType dataType) {
        SDVariable styleSum = null;
        for (int s = 0; s < targets.guides().size(); s++) {
            Targets.Guide guide = targets.guides().get(s);
            for (Map.Entry<VggLayer, INDArray> entry : guide.grams().entrySet()) {
                VggLayer layer = entry.getKey();
                INDArray mask = guide.masks().get(layer).castTo(dataType);
                if (mask.sumNumber().doubleValue() <= 0) {
                    continue; // the mask vanished at this resolution: nothing of this style here
                }
                String name = layer + "_style" + s;
                SDVariable term = styleTerm(sd, spec, layer, name + "_gram", name, features.get(layer), mask,
                        entry.getValue().castTo(dataType), height, width);
                styleSum = styleSum == null ? term : styleSum.add(term);
            }
        }
        // Masks too small for every style layer leave no style term; the sum is then zero.
        return styleSum != null ? styleSum : sd.constant(Nd4j.scalar(dataType, 0));
    }

    /**
     * Layer weight × style loss of one layer against {@code target}. With a {@code mask}
     * ({@code [1, H, W, 1]}, nonzero somewhere), the Gram is taken of the features inside it and
     * normalised by the mask's area rather than the image's, so that it estimates the statistics of
     * that region alone.
     */
    private static SDVariable styleTerm(SameDiff sd, LossSpec spec, VggLayer layer, String gramName, String name,
            SDVariable layerFeatures, INDArray mask, INDArray target, long height, long width) {
        long[] hw = FeatureNetwork.activationSize(layer, height, width);
        SDVariable styleFeatures = normalized(sd, spec, layerFeatures, spec.styleWeight() * spec.styleLayers().get(layer));
        SDVariable gram = mask == null
                ? GramMatrix.build(sd, gramName, styleFeatures, layer.channels(), hw[0], hw[1])
                : GramMatrix.build(sd, gramName, styleFeatures.mul(sd.constant(name + "_mask", mask)), layer.channels(),
                        hw[0], hw[1]).mul(hw[0] * hw[1] / mask.sumNumber().doubleValue());
        return StyleLoss.build(sd, name, gram, target).mul(spec.styleLayers().get(layer));
    }

    /**
     * {@code features} as one loss term sees them: with normalised gradients, behind an identity
     * whose backward pass L1-normalises this term's gradient and weighs it by {@code weight}.
     */
    private static SDVariable normalized(SameDiff sd, LossSpec spec, SDVariable features, double weight) {
        return spec.normalizeGradients() ? GradientNormalizer.apply(sd, features, weight) : features;
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
        return new Step(lossValues(values), values.get(stepOutputs[stepOutputs.length - 1]));
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
                values.get(TV_LOSS).getDouble(0));
    }
}
