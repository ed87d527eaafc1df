package io.github.nst4j.weights;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nst4j.storage.NpzArchive;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Files written by NumPy itself (see generate_numpy_npz.py beside them) read back exactly. */
class NumpyNpzTest {
    @ParameterizedTest
    @ValueSource(strings = {"numpy_savez.npz", "numpy_savez_compressed.npz"})
    void readsWhatNumpyWrites(String name) throws Exception {
        Map<String, INDArray> arrays = NpzArchive.read(resource(name));

        INDArray weight = arrays.get("block1_conv1.weight");
        INDArray bias = arrays.get("block1_conv1.bias");
        assertThat(weight.dataType()).isEqualTo(DataType.FLOAT);
        assertThat(weight.shape()).containsExactly(4, 3, 3, 3);
        assertThat(bias.shape()).containsExactly(4);
        float[] w = weight.dup('c').data().asFloat();
        for (int k = 0; k < w.length; k++) {
            assertThat(w[k]).as("weight[%d]", k).isEqualTo((float) ((k - 50) / 8.0));
        }
        float[] b = bias.data().asFloat();
        for (int k = 0; k < b.length; k++) {
            assertThat(b[k]).as("bias[%d]", k).isEqualTo((float) (k * 0.25 - 1));
        }
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(NumpyNpzTest.class.getResource("/npz/" + name).toURI());
    }
}
