package io.github.nst4j.weights;

import io.github.nst4j.error.NstException;
import io.github.nst4j.network.InputConvention;
import io.github.nst4j.network.Vgg19Weights;
import io.github.nst4j.storage.AtomicFiles;
import io.github.nst4j.weights.download.Checksum;
import io.github.nst4j.weights.download.Download;
import io.github.nst4j.weights.download.DownloadListener;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deeplearning4j.common.resources.DL4JResources;
import org.deeplearning4j.common.resources.ResourceType;
import org.deeplearning4j.zoo.PretrainedType;
import org.deeplearning4j.zoo.model.VGG19;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Deeplearning4j zoo's ImageNet VGG19. The first use downloads the zoo's model zip (~550 MB,
 * verified by the zoo's Adler-32 checksum), copies its sixteen convolution layers into a compact
 * {@code .npz} (~80 MB) beside it and deletes the zip; later uses read only the compact file.
 */
final class ZooWeightsSource implements WeightsSource {
    private static final Logger LOG = LoggerFactory.getLogger(ZooWeightsSource.class);
    private static final String ZIP_NAME = "vgg19_dl4j_inference.zip";
    private static final String COMPACT_NAME = "vgg19_conv_caffe.npz";

    private final Path cacheDirectory;
    private final URI uri;
    private final Checksum checksum;
    private final DownloadListener listener;

    ZooWeightsSource(Path cacheDirectory, URI uri, Checksum checksum, DownloadListener listener) {
        this.cacheDirectory = cacheDirectory;
        this.uri = uri;
        this.checksum = checksum;
        this.listener = listener;
    }

    /** The zoo's own URL, checksum and cache directory ({@code ~/.deeplearning4j/models/vgg19}). */
    static ZooWeightsSource standard(DownloadListener listener) {
        VGG19 model = VGG19.builder().numClasses(1000).build();
        return new ZooWeightsSource(
                DL4JResources.getDirectory(ResourceType.ZOO_MODEL, model.modelName()).toPath(),
                URI.create(model.pretrainedUrl(PretrainedType.IMAGENET)),
                Checksum.adler32(model.pretrainedChecksum(PretrainedType.IMAGENET)), listener);
    }

    @Override
    public Vgg19Weights load() {
        Path compact = cacheDirectory.resolve(COMPACT_NAME);
        if (Files.exists(compact)) {
            try {
                return NpzWeights.read(compact, InputConvention.CAFFE);
            } catch (NstException damaged) {
                LOG.warn("The cached VGG19 weights {} are damaged ({}); fetching them again", compact,
                        damaged.getMessage());
                deleteQuietly(compact);
            }
        }
        Path zip = Download.builder().uri(uri).target(cacheDirectory.resolve(ZIP_NAME)).checksum(checksum)
                .listener(listener).build().fetch();
        Vgg19Weights weights;
        try {
            weights = WeightsFile.load(zip, null);
        } catch (NstException damaged) {
            // E.g. a truncated file left by DL4J's own downloader: remove it so the next run fetches it.
            deleteQuietly(zip);
            throw damaged;
        }
        writeCompact(weights, compact);
        deleteQuietly(zip);
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
        return "zoo (DL4J VGG19, ImageNet)";
    }

}
