package io.github.nst4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nst4j.error.InvalidSettingException;
import io.github.nst4j.error.NstException;
import io.github.nst4j.image.Images;
import io.github.nst4j.image.PixelTensors;
import io.github.nst4j.loss.GramMatrix;
import io.github.nst4j.network.FeatureNetwork;
import io.github.nst4j.network.Pooling;
import io.github.nst4j.network.VggLayer;
import io.github.nst4j.weights.WeightsSource;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Styles placed by masks: with complementary masks, each half of the result carries its own
 * style's statistics (Gatys et al., CVPR 2017); and the mask errors.
 */
class StyleMasksTest {
    private static final WeightsSource WEIGHTS = WeightsSource.random(11).cached();
    private static final int SIZE = 128;

    /**
     * At every style layer, block5_conv1 included. Its receptive field is 156 px wide, so the halves
     * are 256 px wide: most of each half's deepest features then see that half alone. The styles are
     * drawn at the output's long side, so that their 4 px stripes are not blurred by resizing.
     */
    @Tag("evidence") // 512 px, 150 iterations, every style layer: minutes
    @Test
    void complementaryMasksGiveEachHalfItsOwnStyle() {
        int width = 512;
        BufferedImage stripes = Synthetic.stripes(width, width);
        BufferedImage gradient = Synthetic.gradient(width, width);
        StyleTransferResult result = StyleTransfer.builder()
                .content(Synthetic.gradient(width, width / 2)).style(stripes).addStyle(gradient)
                .addStyleMask(half(true)).addStyleMask(half(false))
                .size(width).iterations(150).init(InitMode.NOISE).contentWeight(1e-6).tvWeight(0).weights(WEIGHTS)
                .build().run();

        assertHalvesCarryTheirStyles(result.image(), stripes, gradient, Defaults.styleLayers().keySet());
    }

    /**
     * Masks work with the other ways of running: coarse to fine, texture synthesis (a canvas of two
     * textures), tiles, and resuming an interrupted run. Layers up to block 3 keep the tiles small.
     */
    @Tag("evidence") // four runs of 60 iterations, one of them tiled
    @ParameterizedTest
    @ValueSource(strings = {"levels", "texture", "tiles", "resume"})
    void masksWorkWithLevelsTextureTilesAndResume(String variant, @TempDir Path dir) {
        BufferedImage stripes = Synthetic.stripes(96, 96);
        BufferedImage gradient = Synthetic.gradient(96, 96);
        Map<VggLayer, Double> layers = Map.of(VggLayer.BLOCK1_CONV1, 1.0, VggLayer.BLOCK2_CONV1, 1.0,
                VggLayer.BLOCK3_CONV1, 1.0);
        int width = variant.equals("tiles") ? 256 : SIZE;
        StyleTransferBuilder builder = StyleTransfer.builder().style(stripes).addStyle(gradient)
                .addStyleMask(half(true)).addStyleMask(half(false)).styleLayers(layers)
                .contentLayers(EnumSet.of(VggLayer.BLOCK3_CONV2)).size(width).iterations(60).init(InitMode.NOISE)
                .contentWeight(1e-6).tvWeight(0).weights(WEIGHTS);
        builder = variant.equals("texture") ? builder.outputSize(width, width / 2)
                : builder.content(Synthetic.gradient(width, width / 2));
        builder = switch (variant) {
            case "levels" -> builder.levels(2);
            case "tiles" -> builder.tileSize(224);
            default -> builder;
        };
        StyleTransferResult result;
        if (variant.equals("resume")) {
            StyleTransferResult interrupted = builder.build().run(event -> {
                if (event.iteration() == 25) {
                    event.requestStop();
                }
            });
            interrupted.resumeState().write(dir.resolve("state.npz"));
            result = builder.resumeFrom(ResumeState.read(dir.resolve("state.npz"))).build().run();
            assertThat(pixels(result.image())).isEqualTo(pixels(builder.resumeFrom(null).build().run().image()));
        } else {
            result = builder.build().run();
        }
        if (variant.equals("tiles")) {
            assertThat(result.tiles()).hasSizeGreaterThanOrEqualTo(2);
        }
        assertHalvesCarryTheirStyles(result.image(), stripes, gradient, layers.keySet());
    }

    /**
     * A soft mask: style 1 fades out from left to right along a ramp, style 2 fades in. Across four
     * column bands of the result, the distance to style 1 as a share of the distances to both rises
     * monotonically (averaged over the first three style layers). Measured after 60 steps: 0.29,
     * 0.44, 0.82, 0.85 (after 100: 0.26, 0.49, 0.81, 0.86); the run is deterministic on one backend.
     */
    @Test
    void softRampMovesMonotonicallyFromOneStyleToTheOther() {
        BufferedImage stripes = Synthetic.stripes(96, 96);
        BufferedImage gradient = Synthetic.gradient(96, 96);
        Map<VggLayer, Double> layers = Map.of(VggLayer.BLOCK1_CONV1, 1.0, VggLayer.BLOCK2_CONV1, 1.0,
                VggLayer.BLOCK3_CONV1, 1.0);
        StyleTransferResult result = StyleTransfer.builder().content(Synthetic.gradient(SIZE, SIZE / 2))
                .style(stripes).addStyle(gradient).addStyleMask(ramp(false)).addStyleMask(ramp(true))
                .styleLayers(layers).size(SIZE).iterations(60).init(InitMode.NOISE).contentWeight(1e-6).tvWeight(0)
                .weights(WEIGHTS).build().run();

        FeatureNetwork network = new FeatureNetwork(WEIGHTS.load(), Pooling.AVG);
        Map<VggLayer, INDArray> output = network.features(PixelTensors.fromImage(result.image()), layers.keySet(),
                DataType.FLOAT);
        Map<VggLayer, INDArray> first = features(network, stripes, result.image());
        Map<VggLayer, INDArray> second = features(network, gradient, result.image());
        int bands = 4;
        double[] shareOfFirst = new double[bands];
        for (VggLayer layer : layers.keySet()) {
            INDArray features = output.get(layer);
            long width = features.size(2);
            for (int band = 0; band < bands; band++) {
                INDArray gram = GramMatrix.of(features.get(NDArrayIndex.all(), NDArrayIndex.all(),
                        NDArrayIndex.interval(band * width / bands, (band + 1) * width / bands), NDArrayIndex.all()).dup());
                double toFirst = distance(gram, GramMatrix.of(first.get(layer)));
                double toSecond = distance(gram, GramMatrix.of(second.get(layer)));
                shareOfFirst[band] += toFirst / (toFirst + toSecond) / layers.size();
            }
        }
        System.out.println("share of style 1's distance per band: " + Arrays.toString(shareOfFirst));
        for (int band = 1; band < bands; band++) {
            assertThat(shareOfFirst[band]).as("band %d of %d", band + 1, bands).isGreaterThan(shareOfFirst[band - 1]);
        }
    }

    /**
     * A source mask takes the style from a region of the painting: a style whose left half is stripes
     * and right half something else scores, with the left half selected, nearly as the stripes alone,
     * and unlike the whole painting.
     */
    @Test
    void sourceMaskTakesTheStyleFromItsRegion() {
        BufferedImage painting = Synthetic.stripesBesideGray(96, 64);
        double pure = Synthetic.firstStyleLoss(StyleTransfer.builder().style(Synthetic.stripes(96, 64)).weights(WEIGHTS));
        double selected = Synthetic.firstStyleLoss(StyleTransfer.builder().style(painting)
                .addStyleSourceMask(half(true)).weights(WEIGHTS));
        double whole = Synthetic.firstStyleLoss(StyleTransfer.builder().style(painting).weights(WEIGHTS));
        assertThat(selected / pure).isBetween(0.6, 1.6);
        assertThat(Math.abs(whole / pure - 1)).isGreaterThan(Math.abs(selected / pure - 1));
        assertThatThrownBy(() -> StyleTransfer.builder().style(painting).addStyleSourceMask(half(true))
                .addStyleSourceMask(half(false)).mode(Mode.TEXTURE).size(64).weights(WEIGHTS).build())
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("one source mask per style image");
    }

    @Test
    void maskErrorsNameTheProblem() {
        StyleTransferBuilder twoStyles = StyleTransfer.builder().content(Synthetic.gradient(64, 48))
                .style(Synthetic.stripes(48, 48)).addStyle(Synthetic.gradient(48, 48)).size(48).weights(WEIGHTS);
        assertThatThrownBy(() -> twoStyles.addStyleMask(half(true)).build())
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("one mask per style image: 2 styles, 1");
        BufferedImage black = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        assertThatThrownBy(() -> StyleTransfer.builder().content(Synthetic.gradient(64, 48))
                .style(Synthetic.stripes(48, 48)).addStyleMask(black).size(48).weights(WEIGHTS).build())
                .isInstanceOf(NstException.class).hasMessageContaining("black everywhere");
    }

    /** The style image's features at the size its Gram target was taken (the output's long side). */
    private static Map<VggLayer, INDArray> features(FeatureNetwork network, BufferedImage style, BufferedImage output) {
        BufferedImage sized = Images.resizeLongSide(style, Math.max(output.getWidth(), output.getHeight()));
        return network.features(PixelTensors.fromImage(sized), Defaults.styleLayers().keySet(), DataType.FLOAT);
    }

    /** Each half of the result is nearer its own style's Grams than the other's at each given layer. */
    private static void assertHalvesCarryTheirStyles(BufferedImage image, BufferedImage leftStyle,
            BufferedImage rightStyle, Set<VggLayer> layers) {
        FeatureNetwork network = new FeatureNetwork(WEIGHTS.load(), Pooling.AVG);
        Map<VggLayer, INDArray> output = network.features(PixelTensors.fromImage(image), layers, DataType.FLOAT);
        Map<VggLayer, INDArray> first = features(network, leftStyle, image);
        Map<VggLayer, INDArray> second = features(network, rightStyle, image);
        for (VggLayer layer : layers) {
            INDArray features = output.get(layer);
            long width = features.size(2);
            INDArray left = GramMatrix.of(features.get(NDArrayIndex.all(), NDArrayIndex.all(),
                    NDArrayIndex.interval(0, width / 2), NDArrayIndex.all()).dup());
            INDArray right = GramMatrix.of(features.get(NDArrayIndex.all(), NDArrayIndex.all(),
                    NDArrayIndex.interval(width - width / 2, width), NDArrayIndex.all()).dup());
            double leftToOwn = distance(left, GramMatrix.of(first.get(layer)));
            double leftToOther = distance(left, GramMatrix.of(second.get(layer)));
            double rightToOwn = distance(right, GramMatrix.of(second.get(layer)));
            double rightToOther = distance(right, GramMatrix.of(first.get(layer)));
            System.out.printf("%s: left half to its style %.4g, to the other %.4g; right half %.4g, %.4g%n", layer,
                    leftToOwn, leftToOther, rightToOwn, rightToOther);
            assertThat(leftToOwn).as("left half at %s", layer).isLessThan(leftToOther);
            assertThat(rightToOwn).as("right half at %s", layer).isLessThan(rightToOther);
        }
    }

    /** A horizontal ramp, black to white from left to right (or white to black). */
    private static BufferedImage ramp(boolean rising) {
        BufferedImage mask = new BufferedImage(64, 32, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 64; x++) {
            int level = (int) Math.round(255.0 * (rising ? x : 63 - x) / 63);
            for (int y = 0; y < 32; y++) {
                mask.setRGB(x, y, level * 0x010101);
            }
        }
        return mask;
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    /** White on the left (or right) half. */
    /** A mask of another shape is centre-cropped to the output's, as a start image is, not stretched. */
    @Test
    void aMaskOfAnotherShapeIsCentreCroppedToTheOutput() {
        assertThat(pixels(maskedRun(band(128, 32, 64), band(128, 64, 96))))
                .isEqualTo(pixels(maskedRun(half(true), half(false))));
    }

    private static BufferedImage maskedRun(BufferedImage first, BufferedImage second) {
        return StyleTransfer.builder().content(Synthetic.gradient(64, 32)).style(Synthetic.stripes(48, 48))
                .addStyle(Synthetic.gradient(48, 48)).addStyleMask(first).addStyleMask(second)
                .styleLayers(Map.of(VggLayer.BLOCK1_CONV1, 1.0, VggLayer.BLOCK2_CONV1, 1.0))
                .contentLayers(EnumSet.of(VggLayer.BLOCK2_CONV2)).size(64).iterations(2).weights(WEIGHTS)
                .build().run().image();
    }

    /** A {@code width x 32} mask, white from column {@code from} to {@code to}. */
    private static BufferedImage band(int width, int from, int to) {
        BufferedImage mask = new BufferedImage(width, 32, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = mask.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(from, 0, to - from, 32);
        graphics.dispose();
        return mask;
    }

    private static BufferedImage half(boolean left) {
        BufferedImage mask = new BufferedImage(64, 32, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = mask.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(left ? 0 : 32, 0, 32, 32);
        graphics.dispose();
        return mask;
    }

    private static double distance(INDArray a, INDArray b) {
        return a.sub(b).norm2Number().doubleValue();
    }
}
