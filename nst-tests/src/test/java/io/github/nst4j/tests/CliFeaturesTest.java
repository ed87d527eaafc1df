package io.github.nst4j.tests;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checkpoints, style extraction and JPEG output of the {@code nst} command, on tiny images. */
class CliFeaturesTest {
    @TempDir
    Path dir;

    @Test
    void saveEveryWritesNumberedCheckpointsBesideTheOutput() throws IOException {
        Path output = dir.resolve("cat.png");
        CliRun run = CliRun.of("--content", SharedImages.content("chelsea.png").toString(),
                "--style", SharedImages.style("the_scream.jpg").toString(), "--output", output.toString(),
                "--size", "48", "--iterations", "4", "--save-every", "2", "--weights", "random");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(dir.resolve("cat_0002.png")).exists();
        // The last iteration is the output itself, not a checkpoint.
        assertThat(dir.resolve("cat_0004.png")).doesNotExist();
        assertThat(ImageIO.read(dir.resolve("cat_0002.png").toFile()).getWidth()).isEqualTo(48);
        // Written through a temporary file, yet readable by others as a normally created file is.
        assertThat(Files.getPosixFilePermissions(output)).contains(PosixFilePermission.OTHERS_READ);
    }

    @Test
    void styleExtractionHonoursWidthAndHeightAndWritesJpeg() throws IOException {
        Path output = dir.resolve("texture.jpg");
        CliRun run = CliRun.of("--style", SharedImages.style("gravel.png").toString(), "--output", output.toString(),
                "--width", "56", "--height", "40", "--iterations", "3", "--weights", "random");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Extracting the style");
        BufferedImage texture = ImageIO.read(output.toFile());
        assertThat(texture.getWidth()).isEqualTo(56);
        assertThat(texture.getHeight()).isEqualTo(40);
        assertThat(Files.readAllBytes(output)).startsWith((byte) 0xFF, (byte) 0xD8); // JPEG magic
    }
}
