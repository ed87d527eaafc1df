package io.github.nst4j.weights;

import io.github.nst4j.network.Vgg19Weights;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.zoo.model.VGG19;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An untrained VGG19 from {@code VGG19.init()}, seeded so that runs repeat. */
final class RandomWeightsSource implements WeightsSource {
    private static final Logger LOG = LoggerFactory.getLogger(RandomWeightsSource.class);

    private final long seed;

    RandomWeightsSource(long seed) {
        this.seed = seed;
    }

    @Override
    public Vgg19Weights load() {
        LOG.warn("RANDOM VGG19 WEIGHTS: the network is untrained, so the output is NOT a real style"
                + " transfer. Use them only for tests and offline smoke runs.");
        // A 32x32 input shrinks the dense layers, which style transfer never uses, to a small fraction;
        // the convolutions, initialised first, are the same for any input size.
        ComputationGraph graph = VGG19.builder().numClasses(1000).seed(seed).inputShape(new int[] {3, 32, 32})
                .build().init();
        try {
            return Vgg19Weights.fromZooGraph(graph);
        } finally {
            graph.close(); // frees the off-heap parameters now, not at some later GC
        }
    }

    @Override
    public String description() {
        return "random (seed " + seed + ", untrained)";
    }

}
