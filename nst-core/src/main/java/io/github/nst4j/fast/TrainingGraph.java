package io.github.nst4j.fast;

import io.github.nst4j.listener.LossValues;
import io.github.nst4j.loss.ContentLoss;
import io.github.nst4j.loss.GramMatrix;
import io.github.nst4j.loss.LossSpec;
import io.github.nst4j.loss.StyleLoss;
import io.github.nst4j.loss.TotalVariationLoss;
import io.github.nst4j.network.FeatureNetwork;
import io.github.nst4j.network.VggLayer;
import io.github.nst4j.workaround.GradientFunction;
import io.github.nst4j.workaround.GradientNormalizer;
import io.github.nst4j.workaround.SessionMemory;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The training objective of a {@link TransformerNet} as one SameDiff graph: a batch of images enters
 * as a placeholder, the network's output goes through the frozen VGG19, and the loss compares it
 * with the batch's own features (content) and the style's Gram matrices (style), plus total
 * variation. The network's parameters are the graph's only {@code VARIABLE}s.
 *
 * <p>Every term is a mean over the batch, so the weights mean what they mean for one image:
 * content is {@link ContentLoss} over all the batch's elements, style the mean over images of
 * {@link StyleLoss} between each image's own Gram matrix and the target, TV the
 * {@link TotalVariationLoss} of the batch over its size. The content targets are the VGG features
 * of the input batch, computed by a forward pass of their own each step and fed as placeholders
 * (a second copy of VGG19 in this graph would clash with the first's names, which
 * {@link FeatureNetwork} fixes).
 *
 * <p>With {@linkplain LossSpec#normalizeGradients() normalised gradients} each content and style term's
 * gradient is L1-normalised at its layer, over the batch, and weighed by the term's weight before it
 * goes back through VGG19 and the network, as in the optimisation path (see
 * {@link io.github.nst4j.loss.LossGraph}); the losses reported stay the weighted terms.
 */
final class TrainingGraph implements AutoCloseable {
    static final String PIXELS = "pixels";
    private static final String CONTENT_LOSS = "content_loss";
    private static final String STYLE_LOSS = "style_loss";
    private static final String TV_LOSS = "tv_loss";

    private final FeatureNetwork network;
    private final Set<VggLayer> contentLayers;
    private final DataType type;
    private final SameDiff gradFn;
    private final SessionMemory memory;
    private final Map<String, INDArray> weights;
    /** Parameter name to the name of its gradient in {@link #gradFn}. */
    private final Map<String, String> gradientNames;
    private final String[] outputs;

    private TrainingGraph(SameDiff sd, FeatureNetwork network, Set<VggLayer> contentLayers,
            Map<String, INDArray> weights, DataType type) {
        this.network = network;
        this.type = type;
        this.contentLayers = contentLayers;
        this.weights = weights;
        this.gradFn = GradientFunction.create(sd);
        this.gradientNames = new LinkedHashMap<>();
        weights.keySet().forEach(name -> gradientNames.put(name, sd.getVariable(name).getGradient().name()));
        List<String> names = new ArrayList<>(List.of(CONTENT_LOSS, STYLE_LOSS, TV_LOSS));
        names.addAll(gradientNames.values());
        this.outputs = names.toArray(String[]::new);
        this.memory = SessionMemory.install(gradFn, true);
    }

    /** The weighted losses of one batch and their gradient for every parameter, by parameter name. */
    record Step(LossValues losses, Map<String, INDArray> gradients) {
    }

    /**
     * Builds the objective around {@code weights}, whose arrays the steps' caller updates in place.
     *
     * @param styleGrams the blended Gram matrix of the style images per style layer, {@code [C, C]}
     * @param batch images per step
     * @param crop the images' height and width, a multiple of 4
     */
    static TrainingGraph build(FeatureNetwork network, LossSpec spec, Map<VggLayer, INDArray> styleGrams,
            TransformerSize size, Map<String, INDArray> weights, int batch, int crop) {
        return build(network, spec, styleGrams, size, weights, batch, crop, DataType.FLOAT);
    }

    /**
     * As {@link #build(FeatureNetwork, LossSpec, Map, TransformerSize, Map, int, int)} in another
     * data type, which {@code weights} must have: double precision lets a test tell the graph's
     * errors from float32 rounding.
     */
    static TrainingGraph build(FeatureNetwork network, LossSpec spec, Map<VggLayer, INDArray> styleGrams,
            TransformerSize size, Map<String, INDArray> weights, int batch, int crop, DataType type) {
        SameDiff sd = SameDiff.create();
        SDVariable pixels = sd.placeHolder(PIXELS, type, batch, 3, crop, crop);
        SDVariable output = TransformerNet.build(sd, pixels, size, weights);
        Set<VggLayer> layers = EnumSet.noneOf(VggLayer.class);
        layers.addAll(spec.contentLayers());
        layers.addAll(spec.styleLayers().keySet());
        Map<VggLayer, SDVariable> features = network.build(sd, output, layers, type);

        List<String> lossTerms = new ArrayList<>();
        if (spec.contentLayers().isEmpty()) {
            sd.constant(CONTENT_LOSS, Nd4j.scalar(type, 0));
        } else {
            SDVariable content = null;
            for (VggLayer layer : spec.contentLayers()) {
                long[] hw = FeatureNetwork.activationSize(layer, crop, crop);
                SDVariable target = sd.placeHolder(targetName(layer), type, batch, hw[0], hw[1], layer.channels());
                double elements = (double) batch * hw[0] * hw[1] * layer.channels();
                SDVariable seen = normalized(sd, spec, features.get(layer), spec.contentWeight());
                SDVariable term = ContentLoss.build(sd, layer + "_content", seen, target, 1 / elements);
                content = content == null ? term : content.add(term);
            }
            content.mul(CONTENT_LOSS, spec.contentWeight());
            lossTerms.add(CONTENT_LOSS);
        }

        SDVariable style = null;
        for (Map.Entry<VggLayer, Double> entry : spec.styleLayers().entrySet()) {
            SDVariable seen = normalized(sd, spec, features.get(entry.getKey()), spec.styleWeight() * entry.getValue());
            SDVariable term = styleTerm(sd, entry.getKey(), seen,
                    styleGrams.get(entry.getKey()).castTo(type), batch, crop).mul(entry.getValue());
            style = style == null ? term : style.add(term);
        }
        (style == null ? sd.constant(Nd4j.scalar(type, 0)) : style).mul(STYLE_LOSS, spec.styleWeight());
        lossTerms.add(STYLE_LOSS);

        TotalVariationLoss.build(sd, "tv", output, crop, crop).mul(TV_LOSS, spec.tvWeight() / batch);
        lossTerms.add(TV_LOSS);
        sd.setLossVariables(lossTerms.toArray(String[]::new));
        return new TrainingGraph(sd, network, spec.contentLayers(), weights, type);
    }

    /**
     * The features a term sees: with normalised gradients, through a {@link GradientNormalizer} whose
     * backward pass makes the term's gradient at its layer weigh {@code weight} in L1 norm over the
     * whole batch, whatever the features' magnitude; else the features themselves.
     */
    private static SDVariable normalized(SameDiff sd, LossSpec spec, SDVariable features, double weight) {
        return spec.normalizeGradients() ? GradientNormalizer.apply(sd, features, weight).outputVariable() : features;
    }

    private static String targetName(VggLayer layer) {
        return layer + "_content_target";
    }

    /** The mean over the batch of each image's style loss at one layer. */
    private static SDVariable styleTerm(SameDiff sd, VggLayer layer, SDVariable features, INDArray target,
            int batch, int crop) {
        long[] hw = FeatureNetwork.activationSize(layer, crop, crop);
        SDVariable[] images = sd.unstack(features, 0, batch);
        SDVariable sum = null;
        for (int i = 0; i < batch; i++) {
            SDVariable gram = GramMatrix.build(sd, layer + "_gram" + i, images[i], layer.channels(), hw[0], hw[1]);
            SDVariable loss = StyleLoss.build(sd, layer + "_style" + i, gram, target);
            sum = sum == null ? loss : sum.add(loss);
        }
        return sum.div(batch);
    }

    /** The live parameter arrays, by name; a step's caller updates them in place. */
    Map<String, INDArray> weights() {
        return weights;
    }

    /** The weighted losses of a batch, {@code [batch, 3, crop, crop]} RGB 0-255, without gradients. */
    LossValues losses(INDArray batch) {
        Map<String, INDArray> inputs = contentInputs(batch);
        memory.freeDropped();
        Map<String, INDArray> values = gradFn.output(inputs, CONTENT_LOSS, STYLE_LOSS, TV_LOSS);
        memory.keep(values.values());
        closeContentInputs(inputs, batch);
        return lossValues(values);
    }

    /**
     * Losses and gradients of a batch, {@code [batch, 3, crop, crop]} RGB 0-255. The gradients are
     * the caller's, to close when done.
     */
    Step step(INDArray batch) {
        Map<String, INDArray> inputs = contentInputs(batch);
        memory.freeDropped();
        Map<String, INDArray> values = gradFn.output(inputs, outputs);
        memory.keep(values.values());
        closeContentInputs(inputs, batch);
        Map<String, INDArray> gradients = new LinkedHashMap<>();
        gradientNames.forEach((name, gradient) -> gradients.put(name, values.get(gradient)));
        return new Step(lossValues(values), gradients);
    }

    /** The graph's inputs for a batch: its pixels and their features at the content layers. */
    private Map<String, INDArray> contentInputs(INDArray batch) {
        Map<String, INDArray> inputs = new LinkedHashMap<>();
        inputs.put(PIXELS, batch.castTo(type));
        if (!contentLayers.isEmpty()) {
            network.features(batch, contentLayers, type).forEach((layer, features) ->
                    inputs.put(targetName(layer), features));
        }
        return inputs;
    }

    private static void closeContentInputs(Map<String, INDArray> inputs, INDArray batch) {
        inputs.values().stream().filter(input -> input != batch).forEach(INDArray::close);
    }

    private static LossValues lossValues(Map<String, INDArray> values) {
        return new LossValues(values.get(CONTENT_LOSS).getDouble(0), values.get(STYLE_LOSS).getDouble(0),
                values.get(TV_LOSS).getDouble(0));
    }

    @Override
    public void close() {
        memory.close();
    }
}
