package io.github.nst4j.video;

import io.github.nst4j.fast.FastStyleModel;
import io.github.nst4j.fast.TransformerNet;
import io.github.nst4j.fast.TransformerSize;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Fast style models for the tests, untrained. */
public final class TestModels {
    public static final TransformerSize TINY = new TransformerSize(8, 16, 32, 1);

    private TestModels() {
    }

    /**
     * A tiny untrained network whose output follows its input: freshly initialised, its last layer
     * gives values within a few levels of one grey, so that layer's kernel is scaled up and its bias
     * set to mid-grey.
     */
    public static FastStyleModel responsive(long seed) {
        return new FastStyleModel(TINY, responsiveWeights(seed), Map.of());
    }

    /** As {@link #responsive(long)}, written to {@code file}. */
    public static Path responsive(long seed, Path file) throws IOException {
        responsive(seed).save(file);
        return file;
    }

    private static Map<String, INDArray> responsiveWeights(long seed) {
        Map<String, INDArray> weights = new LinkedHashMap<>(TransformerNet.initialWeights(TINY, seed));
        List<String> names = new ArrayList<>(weights.keySet());
        String lastKernel = names.stream().filter(name -> name.endsWith("_W")).reduce((a, b) -> b).orElseThrow();
        String lastBias = names.get(names.indexOf(lastKernel) + 1);
        weights.get(lastKernel).muli(300);
        weights.get(lastBias).assign(128);
        return weights;
    }
}
