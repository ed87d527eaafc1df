package io.github.nst4j.weights;

import io.github.nst4j.error.NstException;
import io.github.nst4j.network.Vgg19Weights;
import io.github.nst4j.storage.AtomicFiles;
import io.github.nst4j.weights.download.Download;
import io.github.nst4j.weights.download.DownloadListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One of the {@link PretrainedWeights}. The first use downloads the published file (resumable,
 * checksum-verified), copies its sixteen convolution layers into a compact {@code .npz} (~80 MB)
 * beside it and deletes the download; later uses read only the compact file.
 */
final class DownloadedWeightsSource implements WeightsSource {
    private static final Logger LOG = LoggerFactory.getLogger(DownloadedWeightsSource.class);

    private final PretrainedWeights which;
    private final PretrainedWeights.Published published;
    private final Path cacheDirectory;
    private final Duration readTimeout;
    private final DownloadListener listener;

    DownloadedWeightsSource(PretrainedWeights which, PretrainedWeights.Published published, Path cacheDirectory,
            Duration readTimeout, DownloadListener listener) {
        this.which = which;
        this.published = published;
        this.cacheDirectory = cacheDirectory;
        this.readTimeout = readTimeout;
        this.listener = listener;
    }

    PretrainedWeights which() {
        return which;
    }

    /** The compact copy, whether or not it exists yet. */
    Path compactFile() {
        return cacheDirectory.resolve(published.compactName());
    }

    /** Whether a compact copy is there, so that loading needs no network. */
    boolean isCached() {
        return Files.exists(compactFile());
    }

    @Override
    public Vgg19Weights load() {
        Path compact = compactFile();
        if (Files.exists(compact)) {
            try {
                return NpzWeights.read(compact, published.convention());
            } catch (NstException damaged) {
                LOG.warn("The cached VGG19 weights {} are damaged ({}); fetching them again", compact,
                        damaged.getMessage());
                deleteQuietly(compact);
            }
        }
        Path downloaded = Download.builder().uri(published.uri())
                .target(cacheDirectory.resolve(published.downloadName())).checksum(published.checksum())
                .readTimeout(readTimeout).listener(listener).build().fetch();
        Vgg19Weights weights;
        try {
            weights = WeightsFile.load(downloaded, published.convention());
        } catch (NstException damaged) {
            // E.g. a truncated file left by DL4J's own downloader: remove it so the next run fetches it.
            deleteQuietly(downloaded);
            throw damaged;
        }
        writeCompact(weights, compact);
        deleteQuietly(downloaded);
        LOG.info("Kept VGG19's convolution layers in {}; later runs read only that file", compact);
        return weights;
    }

    /** Writes the compact copy under a temporary name and renames it, so it is never half-written. */
    private static void writeCompact(Vgg19Weights weights, Path compact) {
        try {
            AtomicFiles.write(compact, file -> NpzWeights.write(weights, file));
        } catch (IOException e) {
            // The weights are loaded; without the compact copy the next run only starts slower.
            LOG.warn("Could not write the compact VGG19 cache {}: {}", compact, e.getMessage());
        }
    }

    private static void deleteQuietly(Path file) {
        if (!AtomicFiles.deleteQuietly(file)) {
            LOG.warn("Could not delete {}", file);
        }
    }

    @Override
    public String description() {
        return which.description();
    }
}
