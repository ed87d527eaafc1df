package io.github.nst4j.weights;

import io.github.nst4j.network.InputConvention;
import io.github.nst4j.weights.download.Checksum;
import java.net.URI;
import java.util.Locale;
import org.deeplearning4j.zoo.PretrainedType;
import org.deeplearning4j.zoo.model.VGG19;

/**
 * The ImageNet-trained VGG19 files nst4j can download, in the order {@link WeightsSource#pretrained()}
 * tries them. Each is verified by its published checksum, and only its sixteen convolution layers
 * (~80 MB) are kept, as a compact {@code .npz} in the {@link WeightsCache}.
 */
public enum PretrainedWeights {
    /** The Deeplearning4j zoo's model zip (~550 MB, the zoo's Adler-32); Caffe input. */
    ZOO("zoo (DL4J VGG19, ImageNet)"),
    /**
     * Keras' {@code vgg19_weights_tf_dim_ordering_tf_kernels_notop.h5} (~80 MB) from the GitHub release
     * {@code fchollet/deep-learning-models} v0.1, with the MD5 Keras checks; Caffe input (Keras' VGG19 was
     * converted from Caffe's).
     */
    KERAS("keras (Keras VGG19 .h5, ImageNet)"),
    /**
     * torchvision's {@code vgg19-dcbb9e9d.pth} (~548 MB), whose name carries the first digits of its
     * SHA-256; torchvision's input convention.
     */
    TORCHVISION("torchvision (vgg19-dcbb9e9d.pth, ImageNet)");

    private final String description;

    PretrainedWeights(String description) {
        this.description = description;
    }

    /** The name users give it, e.g. {@code "keras"}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A short description for logs and run records, starting with {@link #id()}. */
    public String description() {
        return description;
    }

    /** Where it is published, its checksum, and its cache file names. */
    Published published() {
        return switch (this) {
            case ZOO -> {
                VGG19 model = VGG19.builder().numClasses(1000).build();
                yield new Published(URI.create(model.pretrainedUrl(PretrainedType.IMAGENET)),
                        Checksum.adler32(model.pretrainedChecksum(PretrainedType.IMAGENET)),
                        "vgg19_dl4j_inference.zip", "vgg19_conv_caffe.npz", InputConvention.CAFFE);
            }
            case KERAS -> new Published(URI.create("https://github.com/fchollet/deep-learning-models/releases/download/"
                    + "v0.1/vgg19_weights_tf_dim_ordering_tf_kernels_notop.h5"),
                    Checksum.md5("253f8cb515780f3b799900260a226db6"),
                    "vgg19_weights_tf_dim_ordering_tf_kernels_notop.h5", "vgg19_keras_conv_caffe.npz",
                    InputConvention.CAFFE);
            case TORCHVISION -> new Published(URI.create("https://download.pytorch.org/models/vgg19-dcbb9e9d.pth"),
                    Checksum.sha256Prefix("dcbb9e9d"), "vgg19-dcbb9e9d.pth", "vgg19_torchvision_conv_torch.npz",
                    InputConvention.TORCH);
        };
    }

    /**
     * A published weights file.
     *
     * @param uri where it is downloaded from
     * @param checksum what the downloaded file must have
     * @param downloadName the file's name in the cache while it is converted
     * @param compactName the name of its compact copy, unique among the sources
     * @param convention the input convention its weights expect
     */
    record Published(URI uri, Checksum checksum, String downloadName, String compactName,
            InputConvention convention) {
    }
}
