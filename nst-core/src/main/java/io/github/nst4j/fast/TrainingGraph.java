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
 */
final class TrainingGraph implements AutoCloseable {
    static final String PIXELS = "pixels";
    private static final String CONTENT_LOSS = "content_loss";
    private static final String STYLE_LOSS = "style_loss";
    private static final String TV_LOSS = "tv_loss";

    private final FeatureNetwork network;
    private final Set<VggLayer> contentLayers;
    private final SameDiff gradFn;
    private final SessionMemory memory;
    private final Map<String, INDArray> weights;
    /** Parameter name to the name of its gradient in {@link #gradFn}. */
    private final Map<String, String> gradientNames;
    private final String[] outputs;

    private TrainingGraph(SameDiff sd, FeatureNetwork network, Set<VggLayer> contentLayers,
            Map<String, INDArray> weights) {
        this.network = network;
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
        DataType type = DataType.FLOAT;
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
                SDVariable term = ContentLoss.build(sd, layer + "_content", features.get(layer), target, 1 / elements);
                content = content == null ? term : content.add(term);
            }
            content.mul(CONTENT_LOSS, spec.contentWeight());
            lossTerms.add(CONTENT_LOSS);
        }

        SDVariable style = null;
        for (Map.Entry<VggLayer, Double> entry : spec.styleLayers().entrySet()) {
            SDVariable term = styleTerm(sd, entry.getKey(), features.get(entry.getKey()),
                    styleGrams.get(entry.getKey()).castTo(type), batch, crop).mul(entry.getValue());
            style = style == null ? term : style.add(term);
        }
        (style == null ? sd.constant(Nd4j.scalar(type, 0)) : style).mul(STYLE_LOSS, spec.styleWeight());
        lossTerms.add(STYLE_LOSS);

        TotalVariationLoss.build(sd, "tv", output, crop, crop).mul(TV_LOSS, spec.tvWeight() / batch);
        lossTerms.add(TV_LOSS);
        sd.setLossVariables(lossTerms.toArray(String[]::new));
        return new TrainingGraph(sd, network, spec.contentLayers(), weights);
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

    /**
     * Losses and gradients of a batch, {@code [batch, 3, crop, crop]} RGB 0-255. The gradients are
     * the caller's, to close when done.
     */
    Step step(INDArray batch) {
        Map<String, INDArray> inputs = new LinkedHashMap<>();
        inputs.put(PIXELS, batch);
        if (!contentLayers.isEmpty()) {
            network.features(batch, contentLayers, DataType.FLOAT).forEach((layer, features) ->
                    inputs.put(targetName(layer), features));
        }
        memory.freeDropped();
        Map<String, INDArray> values = gradFn.output(inputs, outputs);
        memory.keep(values.values());
        inputs.forEach((name, input) -> {
            if (input != batch) {
                input.close();
            }
        });
        Map<String, INDArray> gradients = new LinkedHashMap<>();
        gradientNames.forEach((name, gradient) -> gradients.put(name, values.get(gradient)));
        LossValues losses = new LossValues(values.get(CONTENT_LOSS).getDouble(0), values.get(STYLE_LOSS).getDouble(0),
                values.get(TV_LOSS).getDouble(0));
        return new Step(losses, gradients);
    }

    @Override
    public void close() {
        memory.close();
    }
}
