package io.github.nst4j.weights;

import io.github.nst4j.NstException;
import io.github.nst4j.model.Vgg19Weights;
import java.io.File;
import java.io.IOException;
import org.deeplearning4j.common.resources.DL4JResources;
import org.deeplearning4j.common.resources.ResourceType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.zoo.PretrainedType;
import org.deeplearning4j.zoo.model.VGG19;

/** The Deeplearning4j zoo's ImageNet VGG19, via {@code VGG19.initPretrained()}. */
final class ZooWeightsSource implements WeightsSource {
    @Override
    public Vgg19Weights load() {
        VGG19 model = VGG19.builder().numClasses(1000).build();
        File cacheDirectory = DL4JResources.getDirectory(ResourceType.ZOO_MODEL, model.modelName());
        String url = model.pretrainedUrl(PretrainedType.IMAGENET);
        ComputationGraph graph;
        try {
            graph = (ComputationGraph) model.initPretrained(PretrainedType.IMAGENET);
        } catch (IOException | RuntimeException e) {
            // The zoo writes straight into its cache; a cut download would be found corrupt next time.
            new File(cacheDirectory, new File(url).getName()).delete();
            throw new NstException("Could not get the pretrained VGG19 weights from " + url + " ("
                    + e.getClass().getSimpleName() + ": " + e.getMessage() + "); cache directory: "
                    + cacheDirectory + "; to run offline use --weights random (smoke test only)", e);
        }
        try {
            return Vgg19Weights.fromZooGraph(graph);
        } finally {
            graph.close();
        }
    }

    @Override
    public String description() {
        return "zoo (DL4J VGG19, ImageNet)";
    }

    @Override
    public boolean isPretrained() {
        return true;
    }
}
