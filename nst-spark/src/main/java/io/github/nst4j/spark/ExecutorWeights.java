package io.github.nst4j.spark;

import io.github.nst4j.error.NstException;
import io.github.nst4j.network.Vgg19Weights;
import io.github.nst4j.weights.WeightsSource;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkFiles;

/**
 * The VGG19 weights of this JVM: each choice is resolved and loaded once per executor, then shared
 * by every item and task that runs there (the weights are only read).
 */
final class ExecutorWeights {
    private static final Map<Key, WeightsSource> SOURCES = new ConcurrentHashMap<>();

    /** Random weights depend on the item's seed; the other sources do not. */
    private record Key(WeightsChoice choice, long seed) {
    }

    private ExecutorWeights() {
    }

    /**
     * Described by the {@code --weights} value as given rather than by this executor's copy of the
     * file (a temporary path), so that an item's fingerprint is the same on every executor and in
     * every run.
     */
    private record AsGiven(WeightsSource source, String description) implements WeightsSource {
        @Override
        public Vgg19Weights load() {
            return source.load();
        }
    }

    /** The cached source for {@code choice}; {@code seed} seeds untrained and random weights. */
    static WeightsSource source(WeightsChoice choice, long seed, HadoopFiles files) {
        boolean seeded = choice.value().equals(WeightsChoice.RANDOM) || choice.value().equals(WeightsChoice.UNTRAINED);
        Key key = new Key(choice, seeded ? seed : 0);
        return SOURCES.computeIfAbsent(key, k -> {
            WeightsSource resolved = resolve(choice, seed, files).cached();
            return new AsGiven(resolved, !choice.isFile() ? resolved.description() : "file " + choice.value()
                    + (choice.convention() == null ? "" : " (" + choice.convention() + " input)"));
        });
    }

    private static WeightsSource resolve(WeightsChoice choice, long seed, HadoopFiles files) {
        return switch (choice.value()) {
            case WeightsChoice.PRETRAINED -> WeightsSource.pretrained();
            case WeightsChoice.ZOO -> WeightsSource.zoo();
            case WeightsChoice.KERAS -> WeightsSource.keras();
            case WeightsChoice.TORCHVISION -> WeightsSource.torchvision();
            case WeightsChoice.UNTRAINED -> WeightsSource.untrained(seed);
            case WeightsChoice.RANDOM -> WeightsSource.random(seed);
            default -> {
                java.nio.file.Path local = localCopy(choice, files);
                yield choice.convention() == null ? WeightsSource.file(local)
                        : WeightsSource.file(local, choice.convention());
            }
        };
    }

    /**
     * A local path to the weights file: a file shipped with {@code --files}, a local file as it is, or a
     * copy of a file on a distributed file system.
     */
    private static java.nio.file.Path localCopy(WeightsChoice choice, HadoopFiles files) {
        String value = choice.value();
        if (choice.isShippedName()) {
            File shipped = new File(SparkFiles.get(value));
            if (shipped.isFile()) {
                return shipped.toPath();
            }
        }
        Path path = new Path(value);
        try {
            FileSystem fs = files.fileSystem(path);
            if (fs.getUri().getScheme().equals("file")) {
                return java.nio.file.Path.of(path.toUri().getPath());
            }
            java.nio.file.Path copy = Files.createTempDirectory("nst-weights").resolve(path.getName());
            fs.copyToLocalFile(false, path, new Path(copy.toUri()), true);
            copy.toFile().deleteOnExit();
            copy.getParent().toFile().deleteOnExit();
            return copy;
        } catch (IOException e) {
            throw new NstException("Cannot read the --weights file " + value + ": " + e.getMessage()
                    + " (give a path every executor can read, or ship the file with --files)", e);
        }
    }
}
