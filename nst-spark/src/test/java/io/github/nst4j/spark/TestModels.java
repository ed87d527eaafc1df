package io.github.nst4j.spark;

import io.github.nst4j.fast.FastStyleModel;
import io.github.nst4j.fast.TransformerNet;
import io.github.nst4j.fast.TransformerSize;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Tiny fast style models: what {@code nst train} writes, without the training, which the job does not
 * care about. The network's initial weights give outputs within a few levels of one grey, so the last
 * layer is scaled to spread them over 0-255: a test that compares pixels then compares pictures, not
 * blank images.
 */
final class TestModels {
    private static final TransformerSize TINY = new TransformerSize(4, 8, 8, 1);

    private TestModels() {
    }

    /** A model whose weights {@code seed} draws, saved to {@code file}. */
    static Path write(Path file, long seed) throws IOException {
        Map<String, INDArray> weights = new LinkedHashMap<>(TransformerNet.initialWeights(TINY, seed));
        weights.put("deconv3_W", weights.get("deconv3_W").mul(400));
        weights.put("deconv3_b", weights.get("deconv3_b").mul(0).add(128));
        Files.createDirectories(file.getParent());
        new FastStyleModel(TINY, weights, Map.of("test.seed", String.valueOf(seed))).save(file);
        return file;
    }
}
