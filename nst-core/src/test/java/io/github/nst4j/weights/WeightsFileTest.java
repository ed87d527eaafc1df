package io.github.nst4j.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nst4j.error.NstException;
import io.github.nst4j.network.FeatureNetwork;
import io.github.nst4j.network.InputConvention;
import io.github.nst4j.network.Pooling;
import io.github.nst4j.network.Vgg19Weights;
import io.github.nst4j.network.VggLayer;
import io.github.nst4j.storage.NpzArchive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.deeplearning4j.zoo.model.VGG19;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** A random VGG19, written in each supported format, loads back to the same weights and features. */
class WeightsFileTest {
    @TempDir
    static Path dir;

    private static Vgg19Weights original;
    private static Path dl4jZip;

    @BeforeAll
    static void writeRandomVgg19() throws IOException {
        // A 32x32 input keeps the dense layers (never used) and the zip small.
        ComputationGraph graph = VGG19.builder().numClasses(10).inputShape(new int[] {3, 32, 32}).seed(5)
                .build().init();
        try {
            original = Vgg19Weights.fromZooGraph(graph);
            dl4jZip = dir.resolve("vgg19_dl4j_inference.zip");
            ModelSerializer.writeModel(graph, dl4jZip.toFile(), false);
        } finally {
            graph.close();
        }
    }

    @Test
    void dl4jZipIsRecognisedByContentAndDeclaresCaffeInput() throws IOException {
        Path renamed = Files.copy(dl4jZip, dir.resolve("weights.bin"));
        Vgg19Weights loaded = WeightsSource.file(renamed).load();
        assertThat(loaded.inputConvention()).isEqualTo(InputConvention.CAFFE);
        assertSameArrays(loaded, original);
        assertSameFeatures(loaded, original);
    }

    @Test
    void npzRoundTripsAndDefaultsToTorchInput() throws IOException {
        Path npz = dir.resolve("vgg19.npz");
        NpzWeights.write(original, npz);
        try (ZipFile zip = new ZipFile(npz.toFile())) {
            // Stored, not deflated: the cache is read at every start.
            assertThat(zip.stream().map(ZipEntry::getMethod)).containsOnly(ZipEntry.STORED);
        }

        Vgg19Weights torch = WeightsSource.file(npz).load();
        Vgg19Weights caffe = WeightsSource.file(npz, InputConvention.CAFFE).load();

        assertThat(torch.inputConvention()).isEqualTo(InputConvention.TORCH);
        assertThat(caffe.inputConvention()).isEqualTo(InputConvention.CAFFE);
        assertSameArrays(caffe, original);
        assertSameFeatures(caffe, original);
    }

    @Test
    void kerasH5InBothKerasLayoutsLoadsWithCaffeInput() {
        Path nested = dir.resolve("keras2.h5");
        Path flat = dir.resolve("keras1.weights");
        H5Writer.writeKerasVgg19(original, nested, true);
        H5Writer.writeKerasVgg19(original, flat, false);

        for (Path file : List.of(nested, flat)) {
            Vgg19Weights loaded = WeightsSource.file(file).load();
            assertThat(loaded.inputConvention()).isEqualTo(InputConvention.CAFFE);
            assertSameArrays(loaded, original);
        }
        assertSameFeatures(WeightsSource.file(nested).load(), original);
    }

    @Test
    void missingLayerIsNamed() throws IOException {
        Path npz = dir.resolve("partial.npz");
        NpzArchive.write(Map.of("block1_conv1.weight", original.kernel(VggLayer.BLOCK1_CONV1),
                "block1_conv1.bias", original.bias(VggLayer.BLOCK1_CONV1)), npz);
        assertThatThrownBy(() -> WeightsSource.file(npz).load()).isInstanceOf(NstException.class)
                .hasMessageContaining("block1_conv2.weight").hasMessageNotContaining("\n");
    }

    @Test
    void wrongShapeNamesLayerAndShapes() throws IOException {
        Path npz = dir.resolve("wrong.npz");
        Map<String, INDArray> arrays = new java.util.LinkedHashMap<>();
        for (VggLayer layer : VggLayer.values()) {
            arrays.put(NpzWeights.kernelName(layer), original.kernel(layer));
            arrays.put(NpzWeights.biasName(layer), original.bias(layer));
        }
        arrays.put("block3_conv2.weight", Nd4j.zeros(DataType.FLOAT, 256, 128, 3, 3));
        NpzArchive.write(arrays, npz);
        assertThatThrownBy(() -> WeightsSource.file(npz).load()).isInstanceOf(NstException.class)
                .hasMessageContaining("block3_conv2").hasMessageContaining("[256, 128, 3, 3]")
                .hasMessageContaining("[256, 256, 3, 3]");
    }

    @Test
    void unknownOrMissingFilesGiveOneLine() throws IOException {
        Path text = Files.writeString(dir.resolve("weights.npz"), "not weights");
        assertThatThrownBy(() -> WeightsSource.file(text).load()).isInstanceOf(NstException.class)
                .hasMessageContaining("Unrecognised weights file");
        assertThatThrownBy(() -> WeightsSource.file(dir.resolve("none.zip")).load())
                .isInstanceOf(NstException.class).hasMessageContaining("not found");
    }

    private static void assertSameArrays(Vgg19Weights actual, Vgg19Weights expected) {
        for (VggLayer layer : VggLayer.values()) {
            assertThat(actual.kernel(layer).equals(expected.kernel(layer))).as("kernel of %s", layer).isTrue();
            assertThat(actual.bias(layer).equals(expected.bias(layer))).as("bias of %s", layer).isTrue();
        }
    }

    private static void assertSameFeatures(Vgg19Weights actual, Vgg19Weights expected) {
        INDArray pixels = Nd4j.rand(DataType.FLOAT, 1, 3, 40, 56).muli(255);
        List<VggLayer> layers = List.of(VggLayer.BLOCK1_CONV1, VggLayer.BLOCK4_CONV2, VggLayer.BLOCK5_CONV1);
        Map<VggLayer, INDArray> a = new FeatureNetwork(actual, Pooling.AVG).activations(pixels, layers, DataType.FLOAT);
        Map<VggLayer, INDArray> b = new FeatureNetwork(expected, Pooling.AVG).activations(pixels, layers, DataType.FLOAT);
        for (VggLayer layer : layers) {
            assertThat(a.get(layer).equals(b.get(layer))).as("activations of %s", layer).isTrue();
        }
    }
}
