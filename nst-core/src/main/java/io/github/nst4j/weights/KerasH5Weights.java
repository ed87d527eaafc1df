package io.github.nst4j.weights;

import io.github.nst4j.error.NstException;
import io.github.nst4j.network.InputConvention;
import io.github.nst4j.network.Vgg19Weights;
import io.github.nst4j.network.VggLayer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.modelimport.keras.Hdf5Archive;
import org.deeplearning4j.nn.modelimport.keras.exceptions.UnsupportedKerasConfigurationException;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Keras VGG19 weights in HDF5, e.g. {@code vgg19_weights_tf_dim_ordering_tf_kernels_notop.h5}, read
 * with Deeplearning4j's own HDF5 support. Each layer is a group named like {@code block4_conv2},
 * holding (directly, or in a subgroup of the same name) a kernel {@code [3, 3, in, out]} and a bias
 * {@code [out]}; dataset names differ between Keras versions, so they are told apart by rank.
 * Keras' VGG19 was converted from Caffe and expects Caffe input.
 */
final class KerasH5Weights {
    private KerasH5Weights() {
    }

    static Vgg19Weights read(Path file, InputConvention convention) {
        Map<VggLayer, INDArray> kernels = new EnumMap<>(VggLayer.class);
        Map<VggLayer, INDArray> biases = new EnumMap<>(VggLayer.class);
        try (Hdf5Archive archive = new Hdf5Archive(file.toString())) {
            List<String> rootGroups = archive.getGroups();
            for (VggLayer layer : VggLayer.values()) {
                if (!rootGroups.contains(layer.layerName())) {
                    throw new NstException("Wrong weights file " + file + ": no layer " + layer
                            + " (a Keras VGG19 .h5 has groups block1_conv1 ... block5_conv4)");
                }
                String[] path = datasetPath(archive, layer.layerName());
                for (String dataset : archive.getDataSets(path)) {
                    INDArray array = archive.readDataSet(dataset, path);
                    if (array.rank() == 4) {
                        // Keras (TensorFlow ordering) stores [kH, kW, in, out]; nst4j holds [out, in, kH, kW].
                        kernels.put(layer, array.permute(3, 2, 0, 1).dup('c'));
                    } else if (array.rank() == 1) {
                        biases.put(layer, array.dup());
                    }
                }
            }
        } catch (UnsupportedKerasConfigurationException | RuntimeException e) {
            if (e instanceof NstException nst) {
                throw nst;
            }
            throw new NstException("Cannot read the HDF5 weights file " + file + ": " + e.getMessage(), e);
        }
        try {
            return Vgg19Weights.of(kernels, biases, convention == null ? InputConvention.CAFFE : convention);
        } catch (IllegalArgumentException e) {
            throw new NstException("Wrong weights file " + file + ": " + e.getMessage());
        }
    }

    /** The group holding a layer's datasets: {@code layer} or {@code layer/layer}. */
    private static String[] datasetPath(Hdf5Archive archive, String layer) {
        List<String> path = new ArrayList<>(List.of(layer));
        if (archive.getDataSets(layer).isEmpty() && archive.getGroups(layer).contains(layer)) {
            path.add(layer);
        }
        return path.toArray(new String[0]);
    }
}
