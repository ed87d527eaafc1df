package io.github.nst4j.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.github.nst4j.Defaults;
import io.github.nst4j.InitMode;
import io.github.nst4j.StyleTransfer;
import io.github.nst4j.StyleTransferBuilder;
import io.github.nst4j.error.NstException;
import io.github.nst4j.examples.SampleImages;
import io.github.nst4j.image.ImageSize;
import io.github.nst4j.image.Images;
import io.github.nst4j.image.PixelTensors;
import io.github.nst4j.listener.IterationEvent;
import io.github.nst4j.listener.LossValues;
import io.github.nst4j.loss.LossSpec;
import io.github.nst4j.loss.Targets;
import io.github.nst4j.network.FeatureNetwork;
import io.github.nst4j.network.Pooling;
import io.github.nst4j.network.VggLayer;
import io.github.nst4j.plan.PyramidLevel;
import io.github.nst4j.weights.WeightsSource;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The defining property of each optimisation, layer, style and resolution option, on small real images. */
class FeatureOptionsTest {
    private static final WeightsSource WEIGHTS = WeightsSource.random(42).cached();
    private static final Path CONTENT = SampleImages.content("chelsea.png");
    private static final Path STYLE = SampleImages.style("starry_night.jpg");
    private static final Path OTHER_STYLE = SampleImages.style("the_scream.jpg");

    @Test
    void blendedGramTargetIsTheWeightedSumOfEachStylesGram() {
        FeatureNetwork network = new FeatureNetwork(WEIGHTS.load(), Pooling.AVG);
        LossSpec spec = new LossSpec(Set.of(), Defaults.styleLayers(), 1, 1, 0);
        INDArray a = PixelTensors.fromImage(Images.resizeLongSide(Images.read(STYLE), 64));
        INDArray b = PixelTensors.fromImage(Images.resizeLongSide(Images.read(OTHER_STYLE), 64));

        Map<VggLayer, INDArray> onlyA = Targets.compute(network, spec, null, List.of(new Targets.WeightedStyle(a, 1)), DataType.FLOAT).guides().get(0).grams();
        Map<VggLayer, INDArray> onlyB = Targets.compute(network, spec, null, List.of(new Targets.WeightedStyle(b, 1)), DataType.FLOAT).guides().get(0).grams();
        Map<VggLayer, INDArray> blend = Targets.compute(network, spec, null,
                List.of(new Targets.WeightedStyle(a, 0.7), new Targets.WeightedStyle(b, 0.3)), DataType.FLOAT)
                .guides().get(0).grams();

        assertThat(blend.keySet()).isEqualTo(spec.styleLayers().keySet());
        for (VggLayer layer : blend.keySet()) {
            INDArray expected = onlyA.get(layer).mul(0.7).addi(onlyB.get(layer).mul(0.3));
            double scale = expected.amaxNumber().doubleValue();
            // Float sums of the same products in another order: a few ulps of the largest entry.
            assertThat(blend.get(layer).sub(expected).amaxNumber().doubleValue() / scale)
                    .as(layer.toString()).isLessThan(1e-6);
        }
    }

    @Test
    void blendWeightsAreNormalisedAndEachStyleIsUsed() {
        LossValues equal = firstLosses(transfer().addStyle(OTHER_STYLE).styleBlend(List.of(1.0, 1.0)));
        LossValues half = firstLosses(transfer().addStyle(OTHER_STYLE).styleBlend(List.of(0.5, 0.5)));
        LossValues onlyFirst = firstLosses(transfer());

        assertThat(half.style()).isCloseTo(equal.style(), within(equal.style() * 1e-6));
        assertThat(half.style()).isNotCloseTo(onlyFirst.style(), within(onlyFirst.style() * 1e-3));
    }

    @Test
    void styleScaleResizesTheStyleImageRelativeToTheOutput() {
        BufferedImage scream = Images.read(OTHER_STYLE);
        StyleTransfer half = transfer().style(OTHER_STYLE).size(96).styleScale(0.5).build();

        ImageSize styleSize = half.levels().get(0).styles().get(0);
        assertThat(styleSize.longSide()).isEqualTo(48);
        assertThat((double) styleSize.width() / styleSize.height())
                .isCloseTo((double) scream.getWidth() / scream.getHeight(), within(0.05));
        assertThat(transfer().style(OTHER_STYLE).size(96).styleScale(2).build().levels().get(0).styles().get(0)
                .longSide()).isEqualTo(192);
        // A wide painting is enlarged just enough to keep VGG19's 32 px minimum on its short side.
        ImageSize wide = transfer().size(96).styleScale(0.5).build().levels().get(0).styles().get(0);
        assertThat(Math.min(wide.width(), wide.height())).isEqualTo(32);
        assertThat(wide.longSide()).isGreaterThan(48);
    }

    @Test
    void multiScaleRunPassesThroughEachStatedSize() {
        StyleTransfer transfer = transfer().size(96).levels(3).iterations(2).build();
        List<Integer> longSides = transfer.levels().stream().map(scale -> scale.output().longSide()).toList();
        assertThat(longSides).containsExactly(48, 68, 96); // 96/2, 96/sqrt(2), 96

        Set<ImageSize> seen = new LinkedHashSet<>();
        List<Integer> scaleNumbers = new ArrayList<>();
        var result = transfer.run(event -> {
            seen.add(new ImageSize(event.imageWidth(), event.imageHeight()));
            scaleNumbers.add(event.level());
            assertThat(event.currentImage().getWidth()).isEqualTo(event.imageWidth());
        });

        assertThat(new ArrayList<>(seen)).isEqualTo(transfer.levels().stream().map(PyramidLevel::output).toList());
        assertThat(scaleNumbers).containsExactly(1, 1, 2, 2, 3, 3);
        assertThat(result.image().getWidth()).isEqualTo(transfer.outputWidth());
        assertThat(transfer().size(96).startSize(50).build().levels().stream()
                .map(scale -> scale.output().longSide()).toList()).containsExactly(50, 71, 96);
    }

    @Test
    void styleLayerWeightsScaleTheStyleLossLinearly() {
        Map<VggLayer, Double> doubled = Defaults.styleLayers();
        doubled.replaceAll((layer, weight) -> 2.0);
        double base = firstLosses(transfer()).style();
        double twice = firstLosses(transfer().styleLayers(doubled)).style();
        assertThat(twice).isCloseTo(2 * base, within(base * 1e-5));
    }

    @Test
    void contentLossOfSeveralLayersIsTheSumOfEachLayers() {
        double shallow = firstLosses(transfer().init(InitMode.NOISE).contentLayer(VggLayer.BLOCK2_CONV2)).content();
        double deep = firstLosses(transfer().init(InitMode.NOISE).contentLayer(VggLayer.BLOCK5_CONV3)).content();
        double both = firstLosses(transfer().init(InitMode.NOISE)
                .contentLayers(EnumSet.of(VggLayer.BLOCK2_CONV2, VggLayer.BLOCK5_CONV3))).content();
        assertThat(both).isCloseTo(shallow + deep, within((shallow + deep) * 1e-5));
    }

    @Test
    void initStyleAndInitImageStartFromThatImageCroppedToTheOutputsShape() {
        StyleTransfer fromStyle = transfer().init(InitMode.STYLE).build();
        int width = fromStyle.outputWidth();
        int height = fromStyle.outputHeight();
        BufferedImage expected = Images.resize(Images.cropToAspect(Images.read(STYLE), width, height), width, height);
        assertThat(pixels(firstImage(transfer().init(InitMode.STYLE)))).isEqualTo(pixels(expected));

        // The Scream is portrait, the output landscape: its centre band, not a squashed whole.
        BufferedImage fromFile = firstImage(transfer().initImage(OTHER_STYLE));
        BufferedImage portrait = Images.read(OTHER_STYLE);
        BufferedImage file = Images.resize(Images.cropToAspect(portrait, width, height), width, height);
        assertThat(pixels(fromFile)).isEqualTo(pixels(file));
        assertThat(pixels(fromFile)).isNotEqualTo(pixels(Images.resize(portrait, width, height)));
    }

    @Test
    void initNoiseRatioBlendsNoiseIntoTheContent() {
        BufferedImage content = firstImage(transfer());
        double halfNoise = meanAbsoluteDifference(firstImage(transfer().initNoiseRatio(0.5)), content);
        double allNoise = meanAbsoluteDifference(firstImage(transfer().initNoiseRatio(1)), content);
        // Halfway to the noise, but for 8-bit rounding and noise clipped to 0-255.
        assertThat(halfNoise / allNoise).isBetween(0.4, 0.6);
        assertThat(pixels(firstImage(transfer().initNoiseRatio(1))))
                .isEqualTo(pixels(firstImage(transfer().init(InitMode.NOISE))));
    }

    @Test
    void textureModeNeverReadsAContentImage() {
        // A content path that does not exist is refused for what it is, not for failing to read it.
        assertThatThrownBy(() -> StyleTransfer.builder().mode(io.github.nst4j.Mode.TEXTURE)
                .content(Path.of("no-such-photo.png")).style(STYLE).weights(WEIGHTS).build())
                .isInstanceOf(NstException.class).hasMessageContaining("no content image");
    }

    private static StyleTransferBuilder transfer() {
        return StyleTransfer.builder().content(CONTENT).style(STYLE).size(64).iterations(1).weights(WEIGHTS);
    }

    private static LossValues firstLosses(StyleTransferBuilder builder) {
        return builder.iterations(1).build().run().lossHistory().get(0);
    }

    private static BufferedImage firstImage(StyleTransferBuilder builder) {
        List<BufferedImage> first = new ArrayList<>();
        builder.iterations(1).build().run((IterationEvent event) -> first.add(event.currentImage()));
        return first.get(0);
    }

    private static double meanAbsoluteDifference(BufferedImage a, BufferedImage b) {
        int[] pa = pixels(a);
        int[] pb = pixels(b);
        double sum = 0;
        for (int i = 0; i < pa.length; i++) {
            for (int shift = 0; shift <= 16; shift += 8) {
                sum += Math.abs(((pa[i] >> shift) & 0xFF) - ((pb[i] >> shift) & 0xFF));
            }
        }
        return sum / (3.0 * pa.length);
    }

    static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}
