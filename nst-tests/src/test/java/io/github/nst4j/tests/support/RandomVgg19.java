package io.github.nst4j.tests.support;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.zoo.model.VGG19;

/** Untrained, seeded VGG19 graphs of the Deeplearning4j zoo, for tests that need no trained weights. */
public final class RandomVgg19 {
    private RandomVgg19() {
    }

    /**
     * A randomly initialised zoo VGG19 whose dense layers accept {@code height x width} inputs.
     *
     * <p>The input shape only sizes the first dense layer (512·⌊H/32⌋·⌊W/32⌋ inputs); the sixteen
     * convolution layers do not depend on it. Small shapes therefore give the same kind of
     * convolution weights without the 400 MB first dense layer of the 224x224 network.
     * Close the graph as soon as it is no longer needed: its parameters live off-heap.
     *
     * <p>The zoo's {@code VGG19.conf()} passes {@code inputShape[2], inputShape[1]} to
     * {@code InputType.convolutionalFlat(height, width, depth)}, i.e. it reads {@code inputShape}
     * as {@code {C, W, H}} despite the documented {@code {C, H, W}}; with {@code {3, 96, 160}} the
     * flattening before the dense layer then rejects the {@code [1, 512, 3, 5]} activations of a
     * 96x160 image. We pass width before height to get a graph for {@code height x width} inputs.
     */
    public static ComputationGraph graph(long seed, int height, int width) {
        return VGG19.builder()
                .numClasses(1000)
                .seed(seed)
                .inputShape(new int[] {3, width, height})
                .build()
                .init();
    }
}
