package io.github.nst4j.weights;

import io.github.nst4j.network.InputConvention;
import io.github.nst4j.network.Vgg19Weights;
import io.github.nst4j.weights.download.DownloadListener;
import java.nio.file.Path;

/**
 * Where the VGG19 convolution weights come from.
 *
 * <p>{@link #pretrained()}, the default, gives ImageNet-trained weights from the first source that
 * can give them: the Deeplearning4j model zoo ({@link #zoo()}, downloaded once, ~550 MB), else Keras'
 * file ({@link #keras()}, ~80 MB), else torchvision's ({@link #torchvision()}, ~548 MB); each is kept
 * as its convolution layers alone (~80 MB) in the {@link WeightsCache}. {@link #file(Path)} reads weights from a local file, for machines
 * without network or weights from another framework. {@link #untrained(long)} needs no file at
 * all: random weights drawn so that the network still sees style, for a plainer but real style
 * transfer and texture where nothing can be downloaded. {@link #random(long)} gives the zoo model's
 * own random initialisation: a cheap check of the pipeline whose output is not a style transfer.
 *
 * <p>Every source's weights declare their {@link InputConvention}, which the engine applies.
 */
public interface WeightsSource {
    /** Loads the weights; may download or read large files. */
    Vgg19Weights load();

    /**
     * A short human-readable name, e.g. for logs; the same before and after {@link #load()}, so that
     * it can identify a run's settings.
     */
    String description();

    /**
     * What {@link #load()} loaded, for a run's record: for {@link #pretrained()} the source that gave
     * the weights once they are loaded; otherwise, and before loading, {@link #description()}.
     */
    default String loadedDescription() {
        return description();
    }

    /**
     * The defaults of the settings that depend on the weights, for runs that leave them unset:
     * {@link WeightsDefaults#TRAINED}, or {@link WeightsDefaults#UNTRAINED} for {@link #untrained(long)}.
     */
    default WeightsDefaults runDefaults() {
        return WeightsDefaults.TRAINED;
    }


    /**
     * This source, loading at most once: later calls return the same weights. Use it to run many
     * transfers (several images, a benchmark) without reloading the network. Safe to share between
     * threads: the first {@code load()} loads, concurrent callers wait for it, and the weights are
     * only read afterwards.
     */
    default WeightsSource cached() {
        return this instanceof CachedWeightsSource ? this : new CachedWeightsSource(this);
    }

    /**
     * ImageNet-trained weights from the first of the {@link PretrainedWeights} that can give them:
     * one already in the {@link WeightsCache} with no request at all, else the zoo, Keras' file and
     * torchvision's in turn. When one cannot be downloaded (an HTTP error, no answer, a wrong
     * checksum twice) the next is tried, which a warning says in one line; when none can, a
     * {@link io.github.nst4j.weights.download.DownloadException} names each with its reason and the
     * offline choices. {@link #loadedDescription()} names the one that gave the weights.
     */
    static WeightsSource pretrained() {
        return pretrained(DownloadListener.NONE);
    }

    /**
     * As {@link #pretrained()}, reporting download progress to {@code listener} and each move to the
     * next source to its {@link DownloadListener#onFallback}.
     */
    static WeightsSource pretrained(DownloadListener listener) {
        return WeightsCache.standard().pretrained(listener);
    }

    /**
     * The ImageNet VGG19 of the Deeplearning4j model zoo alone. The first use downloads it (~550 MB,
     * resumable, checksum-verified) and keeps only its convolution layers (~80 MB) in
     * {@code ~/.deeplearning4j/models/vgg19}; later uses read just those.
     */
    static WeightsSource zoo() {
        return zoo(DownloadListener.NONE);
    }

    /** As {@link #zoo()}, reporting download progress to {@code listener}. */
    static WeightsSource zoo(DownloadListener listener) {
        return WeightsCache.standard().source(PretrainedWeights.ZOO, listener);
    }

    /**
     * Keras' ImageNet VGG19 alone ({@link PretrainedWeights#KERAS}, ~80 MB, MD5-verified), kept as its
     * convolution layers in the {@link WeightsCache}; Caffe input convention.
     */
    static WeightsSource keras() {
        return keras(DownloadListener.NONE);
    }

    /** As {@link #keras()}, reporting download progress to {@code listener}. */
    static WeightsSource keras(DownloadListener listener) {
        return WeightsCache.standard().source(PretrainedWeights.KERAS, listener);
    }

    /**
     * torchvision's ImageNet VGG19 alone ({@link PretrainedWeights#TORCHVISION}, ~548 MB, verified by
     * the SHA-256 digits in its name), kept as its convolution layers in the {@link WeightsCache};
     * torchvision's input convention.
     */
    static WeightsSource torchvision() {
        return torchvision(DownloadListener.NONE);
    }

    /** As {@link #torchvision()}, reporting download progress to {@code listener}. */
    static WeightsSource torchvision(DownloadListener listener) {
        return WeightsCache.standard().source(PretrainedWeights.TORCHVISION, listener);
    }

    /**
     * Weights from a local file, recognised by content: the DL4J zoo zip
     * ({@code vgg19_dl4j_inference.zip}, Caffe input convention), Keras VGG19 weights in HDF5
     * ({@code .h5}, Caffe input convention), a NumPy {@code .npz} with
     * {@code block{B}_conv{C}.weight} {@code [out, in, 3, 3]} and {@code .bias} arrays, or a PyTorch
     * VGG19 state dict ({@code .pth}/{@code .pt} from {@code torch.save}, such as torchvision's
     * {@code vgg19-dcbb9e9d.pth}, read without Python and refusing any pickled code); the last two in
     * the torchvision input convention unless told otherwise.
     */
    static WeightsSource file(Path file) {
        return new FileWeightsSource(file, null);
    }

    /** Weights from a local file, declared to expect {@code convention} as input. */
    static WeightsSource file(Path file, InputConvention convention) {
        return new FileWeightsSource(file, convention);
    }

    /**
     * Untrained VGG19 weights that still see style: He-normal kernels and zero biases (see the
     * README's "Without a download"). Runs on them take {@link WeightsDefaults#UNTRAINED} for the settings they
     * leave unset. The same seed gives the same weights on every backend.
     */
    static WeightsSource untrained(long seed) {
        return new UntrainedWeightsSource(seed);
    }

    /**
     * The zoo model's own random initialisation, reproducible for a given seed; for tests and smoke
     * runs of the pipeline (its output is not a style transfer; {@link #untrained(long)} is).
     */
    static WeightsSource random(long seed) {
        return new RandomWeightsSource(seed);
    }
}
