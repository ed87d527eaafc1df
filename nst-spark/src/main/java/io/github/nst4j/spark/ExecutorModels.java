package io.github.nst4j.spark;

import io.github.nst4j.fast.FastStyleModel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fast style models of this JVM, as {@link ExecutorWeights} keeps the VGG19 weights: each model
 * is loaded once per executor, by its file's hash, then shared by every item and task that runs there
 * ({@link FastStyleModel#stylize} runs one image at a time).
 */
final class ExecutorModels {
    private static final Map<String, FastStyleModel> MODELS = new ConcurrentHashMap<>();

    private ExecutorModels() {
    }

    /** The loaded model of {@code shipped}, loading it at the first call in this JVM. */
    static FastStyleModel of(ShippedModel shipped) {
        return MODELS.computeIfAbsent(shipped.sha256(), hash -> shipped.load());
    }
}
