package io.github.nst4j.weights;

import io.github.nst4j.error.NstException;
import io.github.nst4j.storage.NpzArchive;
import io.github.nst4j.weights.download.Download;
import io.github.nst4j.weights.download.DownloadListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.common.resources.DL4JResources;
import org.deeplearning4j.common.resources.ResourceType;

/**
 * The directory that keeps the compact copies of the {@link PretrainedWeights}, and the sources that
 * fill it. The standard one is the zoo's own, {@code ~/.deeplearning4j/models/vgg19} (moved with
 * Deeplearning4j's {@code -Dorg.deeplearning4j.resources.directory=DIR}); each source has its own
 * file names there.
 */
public final class WeightsCache {
    private final Path directory;
    private final Map<PretrainedWeights, PretrainedWeights.Published> published;

    /** @param published where each source is published, in the order the chain tries them */
    WeightsCache(Path directory, Map<PretrainedWeights, PretrainedWeights.Published> published) {
        this.directory = directory;
        this.published = published;
    }

    /** The cache in Deeplearning4j's resources directory, {@code ~/.deeplearning4j/models/vgg19} by default. */
    public static WeightsCache standard() {
        return at(DL4JResources.getBaseDirectory().toPath().resolve(ResourceType.ZOO_MODEL.resourceName())
                .resolve("vgg19"));
    }

    /** A cache in {@code directory}, filled from the published addresses. */
    public static WeightsCache at(Path directory) {
        Map<PretrainedWeights, PretrainedWeights.Published> published = new EnumMap<>(PretrainedWeights.class);
        Arrays.stream(PretrainedWeights.values()).forEach(which -> published.put(which, which.published()));
        return new WeightsCache(directory, published);
    }

    /** The directory of the compact copies. */
    public Path directory() {
        return directory;
    }

    /** The compact copy of {@code which}, whether or not it exists. */
    public Path compactFile(PretrainedWeights which) {
        return directory.resolve(published.get(which).compactName());
    }

    /**
     * The weights of {@code which}: its compact copy, or else downloaded first.
     *
     * @param listener hears the download's progress
     */
    public WeightsSource source(PretrainedWeights which, DownloadListener listener) {
        return new DownloadedWeightsSource(which, published.get(which), directory, Download.DEFAULT_READ_TIMEOUT,
                listener);
    }

    /**
     * The weights of the first source that can give them: any with a compact copy, then the others
     * in the order of {@link PretrainedWeights}, each failure told to {@code listener} in one line.
     */
    public WeightsSource pretrained(DownloadListener listener) {
        List<DownloadedWeightsSource> sources = published.keySet().stream()
                .map(which -> (DownloadedWeightsSource) source(which, listener)).toList();
        return new PretrainedChain(sources, listener);
    }

    /**
     * Makes sure a sound compact copy of {@code which} is in the cache, downloading it when it is
     * missing or damaged, so that later runs need no network.
     *
     * @return the compact copy
     * @throws NstException when it cannot be downloaded or kept
     */
    public Path fetch(PretrainedWeights which, DownloadListener listener) {
        Path compact = compactFile(which);
        if (Files.exists(compact)) {
            try {
                verify(which);
                return compact;
            } catch (NstException damaged) {
                delete(compact);
            }
        }
        source(which, listener).load();
        if (!Files.exists(compact)) {
            throw new NstException("Downloaded the " + which.id() + " weights but could not keep them in " + compact
                    + " (see the warning above); check that the directory is writable");
        }
        return compact;
    }

    private static void delete(Path damaged) {
        try {
            Files.deleteIfExists(damaged);
        } catch (IOException e) {
            throw new NstException("Cannot replace the damaged " + damaged + " (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Reads the compact copy of {@code which} back: every byte against the zip's CRC-32, then its
     * sixteen layers and their shapes.
     *
     * @throws NstException saying what is wrong, when the copy is missing or damaged
     */
    public void verify(PretrainedWeights which) {
        Path compact = compactFile(which);
        if (!Files.exists(compact)) {
            throw new NstException("No cached " + which.id() + " weights at " + compact);
        }
        try {
            NpzArchive.checkCrcs(compact);
        } catch (IOException e) {
            throw new NstException("Damaged weights file " + compact + ": " + e.getMessage(), e);
        }
        NpzWeights.read(compact, published.get(which).convention());
    }
}
