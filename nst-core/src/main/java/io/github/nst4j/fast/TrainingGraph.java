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
import io.github.nst4j.workaround.UncopiedArrays;
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
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The training objective of a {@link TransformerNet} as one SameDiff graph for one image: the image
 * enters as a placeholder, the network's output goes through the frozen VGG19, and the loss compares
 * it with the image's own features (content) and the style's Gram matrices (style), plus total
 * variation. The network's parameters are the graph's only {@code VARIABLE}s.
 *
 * <p>A batch runs through the graph one image after another: its losses are the mean of the images'
 * and its gradients the mean of the images' gradients, accumulated in place. Every term is a mean over
 * the batch, so this is the gradient of the batch's loss, while only one image's VGG19 activations,
 * their gradients and convolution buffers are in memory at a time (at batch 4, 256x256, they are most of
 * a step's memory). Content is {@link ContentLoss} over the image's elements, style {@link StyleLoss}
 * between the image's Gram matrix and the target, TV {@link TotalVariationLoss}. The content targets
 * are the VGG features of the input image, computed by a forward pass of their own and fed as
 * placeholders (a second copy of VGG19 in this graph would clash with the first's names, which
 * {@link FeatureNetwork} fixes).
 *
 * <p>With {@linkplain LossSpec#normalizeGradients() normalised gradients} each content and style term's
 * gradient is L1-normalised at its layer, per image, and weighed by the term's weight before it goes
 * back through VGG19 and the network, as in the optimisation path (see
 * {@link io.github.nst4j.loss.LossGraph}); in the batch's mean each image's term then pulls with
 * {@code weight / batch}, whatever the magnitude of that image's features (a whole-batch
 * normalisation would let the images with the largest gradients dominate). The losses reported stay
 * the weighted terms.
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
     * @param crop the images' height and width, a multiple of 4
     */
    static TrainingGraph build(FeatureNetwork network, LossSpec spec, Map<VggLayer, INDArray> styleGrams,
            TransformerSize size, Map<String, INDArray> weights, int crop) {
        return build(network, spec, styleGrams, size, weights, crop, DataType.FLOAT);
    }

    /**
     * As {@link #build(FeatureNetwork, LossSpec, Map, TransformerSize, Map, int)} in another data
     * type, which {@code weights} must have: double precision lets a test tell the graph's errors
     * from float32 rounding.
     */
    static TrainingGraph build(FeatureNetwork network, LossSpec spec, Map<VggLayer, INDArray> styleGrams,
            TransformerSize size, Map<String, INDArray> weights, int crop, DataType type) {
        SameDiff sd = UncopiedArrays.newGraph();
        SDVariable pixels = sd.placeHolder(PIXELS, type, 1, 3, crop, crop);
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
                SDVariable target = sd.placeHolder(targetName(layer), type, 1, hw[0], hw[1], layer.channels());
                double elements = (double) hw[0] * hw[1] * layer.channels();
                SDVariable seen = normalized(sd, spec, features.get(layer), spec.contentWeight());
                SDVariable term = ContentLoss.build(sd, layer + "_content", seen, target, 1 / elements);
                content = content == null ? term : content.add(term);
            }
            content.mul(CONTENT_LOSS, spec.contentWeight());
            lossTerms.add(CONTENT_LOSS);
        }

        SDVariable style = null;
        for (Map.Entry<VggLayer, Double> entry : spec.styleLayers().entrySet()) {
            VggLayer layer = entry.getKey();
            long[] hw = FeatureNetwork.activationSize(layer, crop, crop);
            SDVariable seen = normalized(sd, spec, features.get(layer), spec.styleWeight() * entry.getValue());
            SDVariable gram = GramMatrix.build(sd, layer + "_gram", seen, layer.channels(), hw[0], hw[1]);
            SDVariable term = StyleLoss.build(sd, layer + "_style", gram, styleGrams.get(layer).castTo(type))
                    .mul(entry.getValue());
            style = style == null ? term : style.add(term);
        }
        (style == null ? sd.constant(Nd4j.scalar(type, 0)) : style).mul(STYLE_LOSS, spec.styleWeight());
        lossTerms.add(STYLE_LOSS);

        TotalVariationLoss.build(sd, "tv", output, crop, crop).mul(TV_LOSS, spec.tvWeight());
        lossTerms.add(TV_LOSS);
        sd.setLossVariables(lossTerms.toArray(String[]::new));
        return new TrainingGraph(sd, network, spec.contentLayers(), weights, type);
    }

    /**
     * The features a term sees: with normalised gradients, through a {@link GradientNormalizer} whose
     * backward pass makes the term's gradient at its layer weigh {@code weight} in L1 norm for the
     * image, whatever the features' magnitude; else the features themselves.
     */
    private static SDVariable normalized(SameDiff sd, LossSpec spec, SDVariable features, double weight) {
        return spec.normalizeGradients() ? GradientNormalizer.apply(sd, features, weight).outputVariable() : features;
    }

    private static String targetName(VggLayer layer) {
        return layer + "_content_target";
    }

    /** The live parameter arrays, by name; a step's caller updates them in place. */
    Map<String, INDArray> weights() {
        return weights;
    }

    /** The weighted losses of a batch, {@code [batch, 3, crop, crop]} RGB 0-255, without gradients. */
    LossValues losses(INDArray batch) {
        LossValues sum = new LossValues(0, 0, 0);
        for (int i = 0; i < batch.size(0); i++) {
            sum = sum.plus(lossValues(run(batch, i, CONTENT_LOSS, STYLE_LOSS, TV_LOSS)));
        }
        return sum.dividedBy(batch.size(0));
    }

    /**
     * Losses and gradients of a batch, {@code [batch, 3, crop, crop]} RGB 0-255: the means over its
     * images. The gradients are the caller's, to close when done.
     */
    Step step(INDArray batch) {
        long images = batch.size(0);
        LossValues sum = new LossValues(0, 0, 0);
        Map<String, INDArray> gradients = new LinkedHashMap<>();
        for (int i = 0; i < images; i++) {
            Map<String, INDArray> values = run(batch, i, outputs);
            sum = sum.plus(lossValues(values));
            gradientNames.forEach((name, gradient) -> {
                INDArray own = values.get(gradient);
                INDArray total = gradients.putIfAbsent(name, own);
                if (total != null) {
                    total.addi(own);
                    own.close();
                }
            });
        }
        if (images > 1) {
            gradients.values().forEach(gradient -> gradient.divi(images));
        }
        return new Step(sum.dividedBy(images), gradients);
    }

    /** The graph's {@code outputs} for image {@code index} of {@code batch}; the caller keeps them. */
    private Map<String, INDArray> run(INDArray batch, long index, String... names) {
        Map<String, INDArray> inputs = inputs(batch, index);
        memory.freeDropped();
        Map<String, INDArray> values = gradFn.output(inputs, names);
        memory.keep(values.values());
        inputs.values().forEach(INDArray::close);
        return values;
    }

    /** The graph's inputs for image {@code index} of a batch: a copy of its pixels and their content features. */
    private Map<String, INDArray> inputs(INDArray batch, long index) {
        INDArray view = batch.get(NDArrayIndex.interval(index, index + 1), NDArrayIndex.all(), NDArrayIndex.all(),
                NDArrayIndex.all());
        INDArray image = view.dataType() == type ? view.dup() : view.castTo(type);
        Map<String, INDArray> inputs = new LinkedHashMap<>();
        inputs.put(PIXELS, image);
        if (!contentLayers.isEmpty()) {
            network.features(image, contentLayers, type).forEach((layer, features) ->
                    inputs.put(targetName(layer), features));
        }
        return inputs;
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
