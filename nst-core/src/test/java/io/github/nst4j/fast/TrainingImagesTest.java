package io.github.nst4j.fast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nst4j.error.NstException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** Finding, cropping, flipping and skipping training images, and the folders that cannot train. */
class TrainingImagesTest {
    private static final int CROP = 16;

    @TempDir
    Path dir;

    @Test
    void findsImagesInSubfoldersAndSkipsAndCountsUnusableOnes() throws IOException {
        Path folder = folderOfImages();

        TrainingImages images = TrainingImages.in(folder, CROP, 1);
        for (int i = 0; i < 3; i++) {
            images.next(2).close();
        }

        assertThat(images.files()).extracting(path -> folder.relativize(path).toString().replace('\\', '/'))
                .containsExactly("a/b/ramp1.png", "a/ramp0.png", "broken.jpg", "ramp2.png", "small.png");
        assertThat(images.skippedCount()).isEqualTo(2);
    }

    @Test
    void theSeedFixesTheCropsAndFlipsAndBothOrientationsOccur() throws IOException {
        Path folder = folderOfImages();
        INDArray first = TrainingImages.in(folder, CROP, 5).next(12);
        INDArray again = TrainingImages.in(folder, CROP, 5).next(12);
        INDArray other = TrainingImages.in(folder, CROP, 6).next(12);

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        int rising = 0;
        int falling = 0;
        for (int i = 0; i < 12; i++) {
            // The ramps' red channel grows to the right: a flipped crop's shrinks.
            INDArray row = first.get(NDArrayIndex.point(i), NDArrayIndex.point(0), NDArrayIndex.point(0), NDArrayIndex.all());
            if (row.getDouble(CROP - 1) > row.getDouble(0)) {
                rising++;
            } else {
                falling++;
            }
        }
        assertThat(rising).as("unflipped crops").isPositive();
        assertThat(falling).as("flipped crops").isPositive();
    }

    @Test
    void foldersThatCannotTrainGetOneSentence() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Path text = Files.createDirectories(dir.resolve("text"));
        Files.writeString(text.resolve("notes.txt"), "no image");
        Path broken = Files.createDirectories(dir.resolve("broken"));
        Files.writeString(broken.resolve("photo.jpg"), "not a JPEG");
        ImageIO.write(ramp(CROP - 1, 40), "png", broken.resolve("narrow.png").toFile());

        assertOneSentence(() -> TrainingImages.in(dir.resolve("missing"), CROP, 1), "does not exist");
        assertOneSentence(() -> TrainingImages.in(empty, CROP, 1), "holds no JPEG, PNG, BMP or GIF images");
        assertOneSentence(() -> TrainingImages.in(text, CROP, 1), "holds no JPEG, PNG, BMP or GIF images");
        assertOneSentence(() -> TrainingImages.in(broken, CROP, 1).next(1), "use a smaller crop");
    }

    /** Three usable ramps (two in nested folders), a broken JPEG, an image narrower than the crop and a text file. */
    private Path folderOfImages() throws IOException {
        Path folder = dir.resolve("images");
        Files.createDirectories(folder.resolve("a/b"));
        ImageIO.write(ramp(40, 24), "png", folder.resolve("a/ramp0.png").toFile());
        ImageIO.write(ramp(32, 20), "png", folder.resolve("a/b/ramp1.png").toFile());
        ImageIO.write(ramp(24, 30), "png", folder.resolve("ramp2.png").toFile());
        Files.writeString(folder.resolve("broken.jpg"), "not a JPEG");
        ImageIO.write(ramp(CROP - 4, 40), "png", folder.resolve("small.png").toFile());
        Files.writeString(folder.resolve("readme.txt"), "not an image");
        return folder;
    }

    private static void assertOneSentence(ThrowingCallable call, String says) {
        assertThatThrownBy(call).isInstanceOf(NstException.class).hasMessageContaining(says)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    /** Red rising from left to right, green from top to bottom. */
    private static BufferedImage ramp(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x * 6 << 16) | (y * 5 << 8) | 0x40);
            }
        }
        return image;
    }
}
