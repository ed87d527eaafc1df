package io.github.nst4j.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nst4j.error.NstException;
import io.github.nst4j.network.FeatureNetwork;
import io.github.nst4j.network.InputConvention;
import io.github.nst4j.network.Pooling;
import io.github.nst4j.network.Vgg19Weights;
import io.github.nst4j.network.VggLayer;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** A VGG19 state dict as torch.save writes it loads through WeightsSource.file as the same weights as the .npz. */
class PthWeightsTest {
    @TempDir
    static Path dir;

    private static Vgg19Weights original;

    @BeforeAll
    static void randomWeights() {
        Vgg19Weights untrained = WeightsSource.untrained(26).load();
        Map<VggLayer, INDArray> kernels = new EnumMap<>(VggLayer.class);
        Map<VggLayer, INDArray> biases = new EnumMap<>(VggLayer.class);
        Nd4j.getRandom().setSeed(26);
        for (VggLayer layer : VggLayer.values()) {
            kernels.put(layer, untrained.kernel(layer));
            // Untrained biases are zero; random ones check that each bias reaches its own layer.
            biases.put(layer, Nd4j.rand(DataType.FLOAT, layer.channels()).subi(0.5).muli(0.2));
        }
        original = Vgg19Weights.of(kernels, biases, InputConvention.TORCH);
    }

    @Test
    void torchvisionStateDictGivesTheSameFeaturesAsTheNpz() throws IOException {
        Map<String, INDArray> tensors = stateDict(layer -> "features." + PthWeights.featuresIndex(layer));
        // The classifier, which is never read.
        tensors.put("classifier.0.weight", Nd4j.rand(DataType.FLOAT, 4, 8));
        tensors.put("classifier.0.bias", Nd4j.rand(DataType.FLOAT, 4));
        Path pth = dir.resolve("vgg19-random.pth");
        PthWriter.write(tensors, pth);
        Path npz = dir.resolve("vgg19-random.npz");
        NpzWeights.write(original, npz);

        Vgg19Weights fromPth = WeightsSource.file(pth).load();
        Vgg19Weights fromNpz = WeightsSource.file(npz).load();

        assertThat(fromPth.inputConvention()).isEqualTo(InputConvention.TORCH);
        assertSameArrays(fromPth, fromNpz);
        INDArray pixels = Nd4j.rand(DataType.FLOAT, 1, 3, 32, 32).muli(255);
        List<VggLayer> layers = List.of(VggLayer.BLOCK1_CONV1, VggLayer.BLOCK3_CONV4, VggLayer.BLOCK5_CONV4);
        Map<VggLayer, INDArray> a = new FeatureNetwork(fromPth, Pooling.AVG).activations(pixels, layers, DataType.FLOAT);
        Map<VggLayer, INDArray> b = new FeatureNetwork(fromNpz, Pooling.AVG).activations(pixels, layers, DataType.FLOAT);
        for (VggLayer layer : layers) {
            assertThat(a.get(layer).equals(b.get(layer))).as("activations of %s", layer).isTrue();
        }
    }

    @Test
    void npzNamesUnderAPrefixLoadTooWithTheConventionAskedFor() throws IOException {
        Path pth = dir.resolve("data-parallel.pth");
        PthWriter.write(stateDict(layer -> "module." + layer.layerName()), pth);

        Vgg19Weights caffe = WeightsSource.file(pth, InputConvention.CAFFE).load();

        assertThat(caffe.inputConvention()).isEqualTo(InputConvention.CAFFE);
        assertSameArrays(caffe, original);
    }

    @Test
    void missingLayerIsNamed() throws IOException {
        Path pth = dir.resolve("partial.pth");
        PthWriter.write(Map.of("features.0.weight", original.kernel(VggLayer.BLOCK1_CONV1)), pth);

        assertThatThrownBy(() -> WeightsSource.file(pth).load()).isInstanceOf(NstException.class)
                .hasMessageContaining(pth.toString()).hasMessageContaining("no tensor features.0.bias (block1_conv1)")
                .hasMessageNotContaining("\n");
    }

    @Test
    void wrongShapeNamesLayerAndShapes() throws IOException {
        Map<String, INDArray> tensors = stateDict(layer -> "features." + PthWeights.featuresIndex(layer));
        tensors.put("features.5.weight", Nd4j.zeros(DataType.FLOAT, 128, 32, 3, 3));
        Path pth = dir.resolve("wrong.pth");
        PthWriter.write(tensors, pth);

        assertThatThrownBy(() -> WeightsSource.file(pth).load()).isInstanceOf(NstException.class)
                .hasMessageContaining("block2_conv1").hasMessageContaining("[128, 32, 3, 3]")
                .hasMessageContaining("[128, 64, 3, 3]");
    }

    @Test
    void featuresIndicesAreTorchvisions() {
        assertThat(Arrays.stream(VggLayer.values()).mapToInt(PthWeights::featuresIndex))
                .containsExactly(0, 2, 5, 7, 10, 12, 14, 16, 19, 21, 23, 25, 28, 30, 32, 34);
    }

    /** PyTorch's own files, whatever their name, are read as PyTorch files: refused or found not VGG19. */
    @Test
    void pyTorchFilesAreRecognisedByContent() throws IOException, URISyntaxException {
        for (String fixture : List.of("state_dict.pth", "state_dict_legacy.pth")) {
            Path renamed = Files.copy(fixture(fixture), dir.resolve(fixture + ".bin"));
            assertThatThrownBy(() -> WeightsSource.file(renamed).load()).isInstanceOf(NstException.class)
                    .hasMessageContaining("no tensor features.0.weight (block1_conv1)");
        }
        assertThatThrownBy(() -> WeightsSource.file(fixture("evil_os_system.pth")).load())
                .isInstanceOf(NstException.class).hasMessageContaining("never runs pickled code");
        Path text = Files.writeString(dir.resolve("weights.pth"), "not weights");
        assertThatThrownBy(() -> WeightsSource.file(text).load()).isInstanceOf(NstException.class)
                .hasMessageContaining("Unrecognised weights file").hasMessageContaining(".pth");
    }

    /** The original weights as float32 tensors named {@code prefix(layer).weight} and {@code .bias}. */
    private static Map<String, INDArray> stateDict(Function<VggLayer, String> prefix) {
        Map<String, INDArray> tensors = new LinkedHashMap<>();
        for (VggLayer layer : VggLayer.values()) {
            tensors.put(prefix.apply(layer) + ".weight", original.kernel(layer));
            tensors.put(prefix.apply(layer) + ".bias", original.bias(layer));
        }
        return tensors;
    }

    private static void assertSameArrays(Vgg19Weights actual, Vgg19Weights expected) {
        for (VggLayer layer : VggLayer.values()) {
            assertThat(actual.kernel(layer).equals(expected.kernel(layer))).as("kernel of %s", layer).isTrue();
            assertThat(actual.bias(layer).equals(expected.bias(layer))).as("bias of %s", layer).isTrue();
        }
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(PthWeightsTest.class.getResource("/pth/" + name).toURI());
    }
}
