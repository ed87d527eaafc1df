package io.github.nst4j.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nst4j.examples.SampleImages;
import io.github.nst4j.image.Images;
import io.github.nst4j.tests.support.CmykJpegs;
import io.github.nst4j.tests.support.CmykJpegs.Encoding;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * CMYK JPEGs as Photoshop writes them (Adobe APP14 marker, inverted inks, no ICC profile), made at
 * test time from a real photo, are read as the photo's colours and work as content.
 *
 * <p>Tolerance, per 8-bit RGB sample against the source photo: mean absolute difference at most
 * 2.5 levels and 99% of samples within 12 levels. Measured: CMYK mean 1.07, 99% within 4, max 10;
 * YCCK (whose 2x2 subsampling blurs sharp colour edges) mean 1.44, 99% within 7, max 19 — rounding
 * of the CMYK split plus JPEG compression at quality 0.95. A reader that ignored the inversion or
 * the YCCK transform is off by 90-100 levels on average.
 */
class CmykJpegTest {
    private static final float QUALITY = 0.95f;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void decodesToTheSourceColours(Encoding encoding) throws IOException {
        BufferedImage photo = ImageIO.read(SampleImages.content("chelsea.png").toFile());
        Path jpeg = dir.resolve("cat.jpg");
        CmykJpegs.write(photo, jpeg, encoding, QUALITY);
        assertThat(adobeTransform(Files.readAllBytes(jpeg))).isEqualTo(encoding == Encoding.CMYK ? 0 : 2);

        BufferedImage decoded = Images.read(jpeg);

        assertThat(decoded.getWidth()).isEqualTo(photo.getWidth());
        assertThat(decoded.getHeight()).isEqualTo(photo.getHeight());
        int[] differences = absoluteDifferences(photo, decoded);
        double mean = Arrays.stream(differences).average().orElseThrow();
        Arrays.sort(differences);
        int p99 = differences[(int) (differences.length * 0.99)];
        assertThat(mean).as("mean |RGB difference| for " + encoding).isLessThanOrEqualTo(2.5);
        assertThat(p99).as("99th percentile |RGB difference| for " + encoding).isLessThanOrEqualTo(12);
    }

    @Test
    void cmykAndYcckJpegsWorkAsContent() throws IOException {
        BufferedImage photo = ImageIO.read(SampleImages.content("chelsea.png").toFile());
        Path photos = Files.createDirectory(dir.resolve("photos"));
        CmykJpegs.write(photo, photos.resolve("cmyk.jpg"), Encoding.CMYK, QUALITY);
        CmykJpegs.write(photo, photos.resolve("ycck.jpg"), Encoding.YCCK, QUALITY);
        Path outputs = Files.createDirectory(dir.resolve("out"));

        CliRun run = CliRun.of("--content", photos.toString(), "--style", SampleImages.style("brick.png").toString(),
                "--output", outputs.toString(), "--size", "48", "--iterations", "1", "--weights", "random");

        assertThat(run.exitCode()).as(run.err()).isZero();
        for (String name : new String[] {"cmyk_brick.png", "ycck_brick.png"}) {
            BufferedImage output = ImageIO.read(outputs.resolve(name).toFile());
            assertThat(output.getWidth()).as(name).isEqualTo(48);
            assertThat(output.getHeight()).as(name).isEqualTo(32);
        }
    }

    private static int[] absoluteDifferences(BufferedImage expected, BufferedImage actual) {
        int width = expected.getWidth();
        int height = expected.getHeight();
        int[] differences = new int[width * height * 3];
        int i = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int a = expected.getRGB(x, y);
                int b = actual.getRGB(x, y);
                for (int shift = 0; shift < 24; shift += 8) {
                    differences[i++] = Math.abs((a >> shift & 0xff) - (b >> shift & 0xff));
                }
            }
        }
        return differences;
    }

    /** The transform byte of the Adobe APP14 segment, after checking the frame has four components. */
    private static int adobeTransform(byte[] jpeg) {
        int transform = -1;
        int components = -1;
        int at = 2; // after SOI
        while (at + 4 <= jpeg.length && (jpeg[at] & 0xff) == 0xff) {
            int marker = jpeg[at + 1] & 0xff;
            int length = (jpeg[at + 2] & 0xff) << 8 | jpeg[at + 3] & 0xff;
            int payload = at + 4;
            if (marker == 0xee && new String(jpeg, payload, 5, StandardCharsets.US_ASCII).equals("Adobe")) {
                transform = jpeg[payload + 11] & 0xff;
            } else if (marker == 0xc0) {
                components = jpeg[payload + 5] & 0xff;
            } else if (marker == 0xda) {
                break; // start of scan: no more headers
            }
            at += 2 + length;
        }
        assertThat(components).as("components in the frame header").isEqualTo(4);
        return transform;
    }
}
