package io.github.nst4j.fast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nst4j.error.InvalidSettingException;
import io.github.nst4j.error.NstException;
import io.github.nst4j.listener.LossValues;
import io.github.nst4j.network.VggLayer;
import io.github.nst4j.storage.NpzArchive;
import io.github.nst4j.weights.WeightsSource;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Training, saving, loading and resuming a tiny network on a handful of generated 40-48 px images
 * with untrained VGG19 weights, crops of 32 and batches of 2.
 */
class FastStyleTrainerTest {
    private static final TransformerSize TINY = new TransformerSize(8, 16, 32, 1);
    private static final int STEPS = 6;
    private static final WeightsSource VGG = WeightsSource.untrained(1).cached();

    @TempDir
    static Path dir;
    private static TrainingResult uninterrupted;
    private static final List<LossValues> losses = new ArrayList<>();

    @BeforeAll
    static void trainUninterrupted() throws IOException {
        Path images = Files.createDirectories(dir.resolve("images/nested"));
        Random random = new Random(3);
        for (int i = 0; i < 6; i++) {
            ImageIO.write(photo(40 + 2 * i, 48 - i, random), "png", images.resolve("photo" + i + ".png").toFile());
        }
        ImageIO.write(photo(20, 20, random), "png", images.resolve("too-small.png").toFile());
        Files.writeString(images.resolve("broken.jpg"), "not a JPEG");
        ImageIO.write(stripes(48, 48), "png", dir.resolve("style.png").toFile());
        uninterrupted = trainer(STEPS).listener(event -> losses.add(event.losses())).build().train();
    }

    @Test
    void trainingLowersTheLossAndSkipsUnusableFiles() {
        assertThat(uninterrupted.steps()).isEqualTo(STEPS);
        assertThat(uninterrupted.stopped()).isFalse();
        assertThat(uninterrupted.skippedImages()).isEqualTo(2);
        assertThat(losses).hasSize(STEPS).allMatch(LossValues::isFinite);
        assertThat(losses.get(STEPS - 1).total()).isLessThan(0.75 * losses.get(0).total());
    }

    @Test
    void theLossFallsOnImagesItDidNotTrainOn() throws IOException {
        Path heldOut = Files.createDirectories(dir.resolve("held-out"));
        Random random = new Random(11);
        for (int i = 0; i < 3; i++) {
            ImageIO.write(photo(44, 40, random), "png", heldOut.resolve("photo" + i + ".png").toFile());
        }
        FastStyleTrainer trainer = trainer(STEPS).build();
        FastStyleModel initial = new FastStyleModel(TINY, TransformerNet.initialWeights(TINY, 9), Map.of());

        LossValues before = trainer.evaluate(initial, heldOut);
        LossValues after = trainer.evaluate(uninterrupted.model(), heldOut);

        System.out.printf("held-out loss before training %.4g, after %.4g%n", before.total(), after.total());
        assertThat(after.total()).as("after training, before it %s", before).isLessThan(0.75 * before.total());
    }

    @Test
    void aSavedModelStylisesAnyShapeAsBefore() throws IOException {
        Path file = dir.resolve("model.nstm");
        uninterrupted.model().save(file);
        FastStyleModel loaded = FastStyleModel.load(file);
        BufferedImage photo = photo(37, 29, new Random(5));

        BufferedImage before = uninterrupted.model().stylize(photo);
        BufferedImage after = loaded.stylize(photo);

        assertThat(after.getWidth()).isEqualTo(37);
        assertThat(after.getHeight()).isEqualTo(29);
        assertThat(pixels(after)).isEqualTo(pixels(before));
        assertThat(loaded.size()).isEqualTo(TINY);
        assertThat(loaded.description()).containsEntry("style.0.name", "style.png")
                .containsKeys("style.0.sha256", "vgg.fingerprint", "training.crop");
    }

    @Tag("evidence") // two more trainings: 21 s
    @Test
    void resumingAfterAStopReachesTheSameWeights() throws IOException {
        Path checkpoint = dir.resolve("resume.ckpt");
        TrainingResult stopped = trainer(STEPS).checkpoint(checkpoint, 0).listener(event -> {
            if (event.step() == 2) {
                event.requestStop();
            }
        }).build().train();
        TrainingResult resumed = trainer(STEPS).checkpoint(checkpoint, 0).resumeFrom(checkpoint).build().train();

        assertThat(stopped.stopped()).isTrue();
        assertThat(stopped.steps()).isEqualTo(2);
        assertThat(resumed.steps()).isEqualTo(STEPS);
        assertThat(resumed.skippedImages()).isEqualTo(uninterrupted.skippedImages());
        uninterrupted.model().weights().forEach((name, expected) ->
                assertThat(resumed.model().weights().get(name).equalsWithEps(expected, 1e-6)).as(name).isTrue());
    }

    /** A finished model holds no training state; given as a checkpoint, one sentence says what to give. */
    @Test
    void aModelIsNoCheckpoint() throws IOException {
        Path model = dir.resolve("finished.nstm");
        uninterrupted.model().save(model);

        assertThatThrownBy(() -> trainer(STEPS).resumeFrom(model).build().train())
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage(model + " is a model without its training state, not a checkpoint; resume from the"
                        + " checkpoint its training wrote (nst train writes it beside the model as MODEL.checkpoint)");
    }

    /** A checkpoint cut short is a wrong resumeFrom setting, in the model file's own sentence. */
    @Test
    void aDamagedCheckpointIsAWrongSetting() throws IOException {
        Path model = dir.resolve("whole.nstm");
        uninterrupted.model().save(model);
        Path cut = Files.write(dir.resolve("cut.checkpoint"), Arrays.copyOf(Files.readAllBytes(model), 3000));

        assertThatThrownBy(() -> trainer(STEPS).resumeFrom(cut).build().train())
                .isInstanceOfSatisfying(InvalidSettingException.class,
                        e -> assertThat(e.setting()).isEqualTo("resumeFrom"))
                .hasMessageStartingWith(cut + " is not an nst4j fast style model");
    }

    @Test
    void changingTheBuilderAfterBuildLeavesTheTrainerAlone() throws IOException {
        FastStyleTrainer.Builder builder = trainer(2);
        FastStyleTrainer trainer = builder.build();
        builder.steps(1).style(dir.resolve("style.png"), 3).crop(36).size(new TransformerSize(4, 4, 4, 0)).seed(10);

        TrainingResult result = trainer.train();

        assertThat(result.steps()).isEqualTo(2);
        assertThat(result.model().size()).isEqualTo(TINY);
        assertThat(result.model().description()).doesNotContainKey("style.1.name")
                .containsEntry("training.crop", "32").containsEntry("training.seed", "9");
    }

    @Test
    void aDamagedFileGetsOneSentence() throws IOException {
        Path file = dir.resolve("damaged.nstm");
        uninterrupted.model().save(file);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(file, bytes);
        Path truncated = dir.resolve("truncated.nstm");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 3));

        assertOneSentence(file, "damaged");
        assertOneSentence(truncated, "not an nst4j fast style model");
    }

    @Test
    void aFileOfAnotherVersionGetsOneSentence() throws IOException {
        Path file = dir.resolve("v2.nstm");
        uninterrupted.model().save(file);
        Map<String, INDArray> arrays = NpzArchive.read(file);
        String metadata = new String(arrays.get("metadata").data().asBytes(), StandardCharsets.UTF_8)
                .replace("version=1", "version=2");
        byte[] bytes = metadata.getBytes(StandardCharsets.UTF_8);
        arrays.put("metadata", Nd4j.create(bytes, new long[] {bytes.length}, DataType.UBYTE));
        NpzArchive.write(arrays, file);

        assertOneSentence(file, "format version 2");
    }

    private static void assertOneSentence(Path file, String says) {
        assertThatThrownBy(() -> FastStyleModel.load(file)).isInstanceOf(NstException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining(says)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    private static FastStyleTrainer.Builder trainer(int steps) {
        return FastStyleTrainer.builder()
                .style(dir.resolve("style.png"))
                .images(dir.resolve("images"))
                .steps(steps).batchSize(2).crop(32).size(TINY)
                .weights(VGG)
                .contentLayers(EnumSet.of(VggLayer.BLOCK2_CONV2))
                .styleLayers(Map.of(VggLayer.BLOCK1_CONV1, 1.0, VggLayer.BLOCK2_CONV1, 1.0))
                .learningRate(0.02)
                .seed(9);
    }

    private static BufferedImage photo(int width, int height, Random random) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int base = random.nextInt(0xFFFFFF);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, base + (x * 5 << 16) + (y * 3 << 8) + random.nextInt(40));
            }
        }
        return image;
    }

    private static BufferedImage stripes(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x + y) / 4 % 2 == 0 ? 0xE0C020 : 0x2040A0);
            }
        }
        return image;
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}
