package io.github.nst4j.weights;

import io.github.nst4j.error.NstException;
import io.github.nst4j.network.InputConvention;
import io.github.nst4j.network.Vgg19Weights;
import io.github.nst4j.network.VggLayer;
import io.github.nst4j.weights.torch.TorchCheckpoint;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * VGG19 weights in a PyTorch state dict ({@code .pth}, {@code .pt}), such as torchvision's
 * {@code vgg19-dcbb9e9d.pth}: each convolution as {@code features.N.weight} {@code [out, in, 3, 3]}
 * and {@code features.N.bias} {@code [out]}, N being its index in torchvision's {@code vgg19().features}.
 * Tensors named as in {@link NpzWeights} ({@code block1_conv1.weight}) are read too, and so are both
 * namings under a prefix ({@code module.features.0.weight}, as {@code DataParallel} saves them).
 * Other tensors (the classifier) are never read.
 */
final class PthWeights {
    private PthWeights() {
    }

    static Vgg19Weights read(Path file, InputConvention convention) {
        Map<VggLayer, INDArray> kernels = new EnumMap<>(VggLayer.class);
        Map<VggLayer, INDArray> biases = new EnumMap<>(VggLayer.class);
        try (TorchCheckpoint checkpoint = TorchCheckpoint.open(file)) {
            for (VggLayer layer : VggLayer.values()) {
                kernels.put(layer, tensor(checkpoint, layer, "weight", file));
                biases.put(layer, tensor(checkpoint, layer, "bias", file));
            }
        }
        try {
            return Vgg19Weights.of(kernels, biases, convention);
        } catch (IllegalArgumentException e) {
            throw new NstException("Wrong weights file " + file + ": " + e.getMessage());
        }
    }

    /**
     * A convolution's index in torchvision's {@code vgg19().features}: each convolution is followed
     * by its ReLU, and each block after the first starts with a max-pooling (0, 2, 5, 7, 10, ..., 34).
     */
    static int featuresIndex(VggLayer layer) {
        return 2 * layer.ordinal() + layer.block() - 1;
    }

    private static INDArray tensor(TorchCheckpoint checkpoint, VggLayer layer, String kind, Path file) {
        List<String> names = List.of("features." + featuresIndex(layer) + "." + kind, layer.layerName() + "." + kind);
        List<String> found = checkpoint.names().stream()
                .filter(name -> names.stream().anyMatch(wanted -> name.equals(wanted) || name.endsWith("." + wanted)))
                .toList();
        if (found.isEmpty()) {
            throw new NstException("Wrong weights file " + file + ": no tensor " + names.get(0) + " (" + layer
                    + "); a VGG19 state dict has torchvision's features.{0,2,5,7,...,34}.weight and .bias");
        }
        if (found.size() > 1) {
            throw new NstException("Wrong weights file " + file + ": the " + kind + " of " + layer
                    + " could be any of " + found + "; save just one state dict");
        }
        return checkpoint.read(found.get(0)).castTo(DataType.FLOAT);
    }
}
