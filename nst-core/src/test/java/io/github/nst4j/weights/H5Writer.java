package io.github.nst4j.weights;

import static org.bytedeco.hdf5.global.hdf5.H5F_ACC_TRUNC;

import io.github.nst4j.network.Vgg19Weights;
import io.github.nst4j.network.VggLayer;
import java.nio.file.Path;
import org.bytedeco.hdf5.DataSet;
import org.bytedeco.hdf5.DataSpace;
import org.bytedeco.hdf5.Group;
import org.bytedeco.hdf5.H5File;
import org.bytedeco.hdf5.PredType;
import org.bytedeco.javacpp.FloatPointer;
import org.deeplearning4j.nn.modelimport.keras.Hdf5Archive;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Writes VGG19 weights the way Keras lays them out in HDF5, with the HDF5 library itself. */
final class H5Writer {
    private H5Writer() {
    }

    /**
     * @param nested Keras 2 layout ({@code block1_conv1/block1_conv1/kernel:0}); otherwise the
     *     older flat one ({@code block1_conv1/block1_conv1_W_1:0})
     */
    static void writeKerasVgg19(Vgg19Weights weights, Path file, boolean nested) {
        // Every HDF5 object is closed before its file: javacpp would otherwise close leftover group
        // handles whenever the GC collects them, after the file, which corrupts HDF5's state.
        synchronized (Hdf5Archive.LOCK_OBJECT) {
            try (H5File h5 = new H5File(file.toString(), H5F_ACC_TRUNC())) {
                for (VggLayer layer : VggLayer.values()) {
                    try (Group group = h5.createGroup(layer.layerName())) {
                        if (nested) {
                            try (Group inner = group.createGroup(layer.layerName())) {
                                writeLayer(inner, weights, layer, "kernel:0", "bias:0");
                            }
                        } else {
                            writeLayer(group, weights, layer, layer.layerName() + "_W_1:0", layer.layerName() + "_b_1:0");
                        }
                    }
                }
            }
        }
    }

    private static void writeLayer(Group group, Vgg19Weights weights, VggLayer layer, String kernelName,
            String biasName) {
        // Keras/TensorFlow kernel order: [kH, kW, in, out].
        write(group, kernelName, weights.kernel(layer).permute(2, 3, 1, 0));
        write(group, biasName, weights.bias(layer));
    }

    private static void write(Group group, String name, INDArray array) {
        float[] data = array.castTo(DataType.FLOAT).dup('c').data().asFloat();
        try (DataSpace space = new DataSpace(array.rank(), array.shape());
                DataSet dataSet = group.createDataSet(name, PredType.NATIVE_FLOAT(), space);
                FloatPointer pointer = new FloatPointer(data)) {
            dataSet.write(pointer, PredType.NATIVE_FLOAT());
        }
    }
}
