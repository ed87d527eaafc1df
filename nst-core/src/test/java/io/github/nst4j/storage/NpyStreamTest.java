package io.github.nst4j.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The streamed {@code .npy} writer and reader agree with ND4J's own (whole-array) ones, both ways,
 * for the types and ranks nst4j stores, and for a view.
 */
class NpyStreamTest {
    @TempDir
    Path dir;

    private static Map<String, INDArray> samples() {
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        arrays.put("image", Nd4j.rand(DataType.FLOAT, 1, 3, 37, 53).muli(255));
        arrays.put("history", Nd4j.rand(DataType.DOUBLE, 11, 3));
        arrays.put("fingerprint", Nd4j.createFromArray(-5L, 1L << 40));
        arrays.put("meta", Nd4j.createFromArray(3.0, 1.5, 7.25));
        arrays.put("view", Nd4j.arange(0, 60).castTo(DataType.FLOAT).reshape(6, 10)
                .get(NDArrayIndex.interval(1, 4), NDArrayIndex.interval(2, 9)));
        return arrays;
    }

    @ParameterizedTest
    @ValueSource(strings = {"image", "history", "fingerprint", "meta", "view"})
    void writtenArraysReadBackByNd4jAndReadArraysMatchNd4jsWriter(String name) throws IOException {
        INDArray array = samples().get(name);
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        NpyStream npy = NpyStream.of(array);
        npy.writeTo(written);
        assertThat((long) written.size()).isEqualTo(npy.size());
        assertThat(Nd4j.createNpyFromByteArray(written.toByteArray())).isEqualTo(array);
        // The header is padded to 64 bytes, as NumPy's own.
        int headerLength = 10 + (written.toByteArray()[8] & 0xFF) + ((written.toByteArray()[9] & 0xFF) << 8);
        assertThat(headerLength % 64).isZero();

        INDArray read = NpyStream.read(new ByteArrayInputStream(Nd4j.toNpyByteArray(array.dup())));
        assertThat(read).isEqualTo(array);
        assertThat(read.dataType()).isEqualTo(array.dataType());
    }

    @Test
    void archivesRoundTrip() throws IOException {
        Map<String, INDArray> arrays = samples();
        Path file = dir.resolve("arrays.npz");
        NpzArchive.write(arrays, file);
        assertThat(NpzArchive.read(file)).isEqualTo(arrays);
    }
}
