package io.github.nst4j.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nst4j.error.NstException;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImagesTest {
    @TempDir
    Path dir;

    @Test
    void grayscalePngKeepsItsStoredLevelsInAllThreeChannels() throws IOException {
        BufferedImage gray = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_GRAY);
        int[] levels = {0, 77, 200};
        for (int x = 0; x < 3; x++) {
            gray.getRaster().setSample(x, 0, 0, levels[x]);
        }
        Path file = dir.resolve("gray.png");
        ImageIO.write(gray, "png", file.toFile());

        BufferedImage rgb = Images.read(file);

        assertThat(rgb.getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 3; x++) {
            int v = levels[x];
            assertThat(rgb.getRGB(x, 0) & 0xFFFFFF).as("pixel %d", x).isEqualTo(v << 16 | v << 8 | v);
        }
    }

    @Test
    void sixteenBitGrayPngIsScaledTo8Bits() throws IOException {
        BufferedImage gray16 = new BufferedImage(2, 1, BufferedImage.TYPE_USHORT_GRAY);
        gray16.getRaster().setSample(0, 0, 0, 65535);
        gray16.getRaster().setSample(1, 0, 0, 257 * 100);
        Path file = dir.resolve("gray16.png");
        ImageIO.write(gray16, "png", file.toFile());

        BufferedImage rgb = Images.read(file);

        assertThat(rgb.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        assertThat(rgb.getRGB(1, 0) & 0xFFFFFF).isEqualTo(100 << 16 | 100 << 8 | 100);
    }

    @Test
    void paletteGifBecomesRgb() throws IOException {
        byte[] r = {(byte) 255, 0};
        byte[] g = {0, (byte) 128};
        byte[] b = {0, (byte) 255};
        BufferedImage indexed = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_INDEXED,
                new IndexColorModel(1, 2, r, g, b));
        indexed.getRaster().setSample(1, 0, 0, 1);
        Path file = dir.resolve("palette.gif");
        ImageIO.write(indexed, "gif", file.toFile());

        BufferedImage rgb = Images.read(file);

        assertThat(rgb.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFF0000);
        assertThat(rgb.getRGB(1, 0) & 0xFFFFFF).isEqualTo(0x0080FF);
    }

    @Test
    void transparentPixelsAreCompositedOverWhite() throws IOException {
        BufferedImage argb = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(0, 0, 0x00000000);
        argb.setRGB(1, 0, 0xFF102030);
        Path file = dir.resolve("alpha.png");
        ImageIO.write(argb, "png", file.toFile());

        BufferedImage rgb = Images.read(file);

        assertThat(rgb.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0xFFFFFF);
        assertThat(rgb.getRGB(1, 0) & 0xFFFFFF).isEqualTo(0x102030);
    }

    @Test
    void resizeKeepsTheAspectRatio() {
        BufferedImage wide = new BufferedImage(451, 300, BufferedImage.TYPE_INT_RGB);
        BufferedImage small = Images.resizeLongSide(wide, 96);
        assertThat(small.getWidth()).isEqualTo(96);
        assertThat(small.getHeight()).isEqualTo(64);
        BufferedImage tall = Images.resizeLongSide(new BufferedImage(300, 451, BufferedImage.TYPE_INT_RGB), 1024);
        assertThat(tall.getHeight()).isEqualTo(1024);
        assertThat(tall.getWidth()).isEqualTo(681);
    }

    @Test
    void unreadableFilesGiveOneLineErrors() throws IOException {
        Path missing = dir.resolve("missing.jpg");
        Path empty = Files.createFile(dir.resolve("empty.png"));
        Path text = Files.writeString(dir.resolve("notes.jpg"), "not an image");

        assertThatThrownBy(() -> Images.read(missing)).isInstanceOf(NstException.class)
                .hasMessageContaining("not found");
        assertThatThrownBy(() -> Images.read(dir)).isInstanceOf(NstException.class)
                .hasMessageContaining("directory");
        assertThatThrownBy(() -> Images.read(empty)).isInstanceOf(NstException.class)
                .hasMessageContaining("Not a supported image");
        assertThatThrownBy(() -> Images.read(text)).isInstanceOf(NstException.class)
                .hasMessageContaining("Not a supported image").hasMessageNotContaining("\n");
    }

    /** A cut-off file decodes as grey without an exception from ImageIO.read; it must be an error. */
    @Test
    void truncatedFilesAreErrorsNamingTheFile() throws IOException {
        BufferedImage photo = new BufferedImage(200, 150, BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(3);
        for (int y = 0; y < 150; y++) {
            for (int x = 0; x < 200; x++) {
                photo.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        for (String format : new String[] {"jpg", "png"}) {
            Path whole = dir.resolve("whole." + format);
            ImageIO.write(photo, format, whole.toFile());
            Path cut = dir.resolve("cut." + format);
            Files.write(cut, java.util.Arrays.copyOf(Files.readAllBytes(whole), (int) Files.size(whole) / 3));

            assertThat(Images.read(whole).getWidth()).isEqualTo(200);
            assertThatThrownBy(() -> Images.read(cut)).as(format).isInstanceOf(NstException.class)
                    .hasMessageContaining(cut.toString()).hasMessageContaining("truncated or corrupt")
                    .hasMessageNotContaining("\n");
        }
    }

    @Test
    void cropToAspectKeepsTheCentreInTheTargetsShape() {
        BufferedImage wide = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 200; x++) {
            for (int y = 0; y < 100; y++) {
                wide.setRGB(x, y, x << 8 | y);
            }
        }
        BufferedImage square = Images.cropToAspect(wide, 64, 64);
        assertThat(square.getWidth()).isEqualTo(100);
        assertThat(square.getHeight()).isEqualTo(100);
        assertThat(square.getRGB(0, 0) & 0xFFFFFF).isEqualTo(50 << 8);

        BufferedImage tall = Images.cropToAspect(wide, 30, 60);
        assertThat(tall.getWidth()).isEqualTo(50);
        assertThat(tall.getHeight()).isEqualTo(100);
        assertThat(tall.getRGB(0, 0) & 0xFFFFFF).isEqualTo(75 << 8);
        assertThat(Images.cropToAspect(wide, 400, 200)).isSameAs(wide);
    }
}
