package io.github.nst4j.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nst4j.examples.ContactSheet;
import io.github.nst4j.examples.SampleImages;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contact sheet on two contents and three styles, random weights at 64 px. */
class ContactSheetTest {
    private static final int CELL = 64;
    private static final int GAP = 4;
    private static final int CAPTION = 12;

    @TempDir
    Path dir;

    @Test
    void aLabelledCellPerPairWithContentsAsRowsAndStylesAsColumns() throws IOException {
        Path images = dir.resolve("images");
        Files.createDirectories(images.resolve("content"));
        Files.createDirectories(images.resolve("style"));
        Files.copy(SampleImages.content("chelsea.png"), images.resolve("content/chelsea.png"));
        Files.copy(SampleImages.content("tubingen.jpg"), images.resolve("content/tubingen.jpg"));
        Files.copy(SampleImages.style("brick.png"), images.resolve("style/brick.png"));
        Files.copy(SampleImages.style("starry_night.jpg"), images.resolve("style/starry_night.jpg"));
        Files.copy(SampleImages.style("the_scream.jpg"), images.resolve("style/the_scream.jpg"));
        Files.writeString(images.resolve("style/.hidden.png"), "not an image");
        Path output = dir.resolve("sheet.png");

        CliRun run = CliRun.of(ContactSheet.commandLine(), "--images", images.toString(), "--size", "64",
                "--iterations", "2", "--weights", "random", "--output", output.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("1/6: chelsea x brick").contains("6/6: tubingen x the_scream")
                .contains("2 contents x 3 styles");
        BufferedImage sheet = ImageIO.read(output.toFile());
        // A header column and row, then 3 style columns and 2 content rows, each cell captioned.
        assertThat(sheet.getWidth()).isEqualTo(4 * (CELL + GAP) + GAP);
        assertThat(sheet.getHeight()).isEqualTo(3 * (CELL + CAPTION + GAP) + GAP);
        for (int column = 1; column <= 3; column++) {
            assertThat(darkPixels(sheet, column, 0, true)).as("style caption %d", column).isPositive();
        }
        for (int row = 1; row <= 2; row++) {
            assertThat(darkPixels(sheet, 0, row, true)).as("content caption %d", row).isPositive();
        }
        assertThat(darkPixels(sheet, 0, 0, false)).as("empty corner").isZero();
        Set<Integer> cellHashes = new HashSet<>();
        for (int row = 1; row <= 2; row++) {
            for (int column = 1; column <= 3; column++) {
                assertThat(darkPixels(sheet, column, row, false)).as("result %d,%d", row, column).isPositive();
                cellHashes.add(cellHash(sheet, column, row));
            }
        }
        assertThat(cellHashes).as("six different results").hasSize(6);
    }

    /** Pixels darker than mid-grey in a cell's picture area, or in its caption strip. */
    private static int darkPixels(BufferedImage sheet, int column, int row, boolean caption) {
        int left = GAP + column * (CELL + GAP);
        int top = GAP + row * (CELL + CAPTION + GAP) + (caption ? CELL : 0);
        int count = 0;
        for (int y = top; y < top + (caption ? CAPTION : CELL); y++) {
            for (int x = left; x < left + CELL; x++) {
                int rgb = sheet.getRGB(x, y);
                int sum = ((rgb >> 16) & 255) + ((rgb >> 8) & 255) + (rgb & 255);
                count += sum < 3 * 128 ? 1 : 0;
            }
        }
        return count;
    }

    private static int cellHash(BufferedImage sheet, int column, int row) {
        int left = GAP + column * (CELL + GAP);
        int top = GAP + row * (CELL + CAPTION + GAP);
        return Arrays.hashCode(sheet.getRGB(left, top, CELL, CELL, null, 0, CELL));
    }
}
