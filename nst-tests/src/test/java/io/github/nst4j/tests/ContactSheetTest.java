package io.github.nst4j.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nst4j.examples.CaptionLines;
import io.github.nst4j.examples.ContactSheet;
import io.github.nst4j.examples.ExampleCommandLine;
import io.github.nst4j.examples.SampleImages;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contact sheet on two contents and two styles, random weights at 64 px; its captions; its samples. */
class ContactSheetTest {
    private static final int CELL = 64;
    private static final int GAP = 4;
    /** The caption font at 64 px cells: three quarters of a 12 px strip. */
    private static final Font CAPTION_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 9);

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
        Files.copy(SampleImages.style("woman-with-hat-matisse.jpg"), images.resolve("style/woman-with-hat-matisse.jpg"));
        Files.writeString(images.resolve("style/.hidden.png"), "not an image");
        Path output = dir.resolve("sheet.png");

        CliRun run = CliRun.of(ContactSheet.commandLine(), "--images", images.toString(), "--size", "64",
                "--iterations", "2", "--weights", "random", "--output", output.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("1/4: chelsea x brick").contains("4/4: tubingen x woman-with-hat-matisse")
                .containsPattern("2/4: chelsea x woman-with-hat-matisse  sheet ETA \\d:\\d\\d:\\d\\d")
                .contains("  iteration 2/2").contains("2 contents x 2 styles");
        BufferedImage sheet = ImageIO.read(output.toFile());
        // A header column and row, then 2 style columns and 2 content rows, each cell captioned.
        assertThat(sheet.getWidth()).isEqualTo(3 * (CELL + GAP) + GAP);
        int caption = (sheet.getHeight() - GAP) / 3 - CELL - GAP;
        assertThat(sheet.getHeight()).isEqualTo(3 * (CELL + caption + GAP) + GAP);
        // "woman-with-hat-matisse" is wider than a cell: it takes a second line, the others one.
        assertThat(caption).isEqualTo(2 * metrics().getHeight());
        for (int column = 1; column <= 2; column++) {
            assertThat(darkPixels(sheet, column, 0, Area.FIRST_LINE)).as("style caption %d", column).isPositive();
        }
        assertThat(darkPixels(sheet, 2, 0, Area.SECOND_LINE)).as("rest of woman-with-hat-matisse").isPositive();
        assertThat(darkPixels(sheet, 1, 0, Area.SECOND_LINE)).as("below brick").isZero();
        for (int row = 1; row <= 2; row++) {
            assertThat(darkPixels(sheet, 0, row, Area.FIRST_LINE)).as("content caption %d", row).isPositive();
        }
        assertThat(darkPixels(sheet, 0, 0, Area.PICTURE)).as("empty corner").isZero();
        Set<Integer> cellHashes = new HashSet<>();
        for (int row = 1; row <= 2; row++) {
            for (int column = 1; column <= 2; column++) {
                assertThat(darkPixels(sheet, column, row, Area.PICTURE)).as("result %d,%d", row, column).isPositive();
                cellHashes.add(cellHash(sheet, column, row, caption));
            }
        }
        assertThat(cellHashes).as("four different results").hasSize(4);
    }

    @Test
    void aFolderWithoutSamplesIsOneLineAndExitCode2() {
        CliRun run = CliRun.of(ContactSheet.commandLine(), "--images", dir.toString(), "--weights", "random",
                "--output", dir.resolve("sheet.png").toString());

        assertThat(run.exitCode()).isEqualTo(ExampleCommandLine.USAGE);
        assertThat(run.err().lines()).as(run.err()).singleElement().asString()
                .isEqualTo("ContactSheet: error: no images in " + dir.resolve("content") + "; give --images a folder"
                        + " with content/ and style/ subfolders of JPEG, PNG, BMP or GIF files");
    }

    @Test
    void captionsAreWrappedToTheCellWidthAndKeepTheWholeName() {
        FontMetrics metrics = metrics();
        for (String label : List.of("woman-with-hat-matisse", "hoovertowernight", "starry night_2.v1", "brick")) {
            List<String> lines = CaptionLines.wrap(label, metrics, 40);
            assertThat(String.join("", lines)).isEqualTo(label);
            assertThat(lines).as(label).allSatisfy(line -> assertThat(metrics.stringWidth(line)).isLessThanOrEqualTo(40));
        }
        assertThat(CaptionLines.wrap("woman-with-hat-matisse", metrics, CELL)).as("breaks after a hyphen")
                .allSatisfy(line -> assertThat(line).matches("[a-z]+(-[a-z]+)*-?"));
        assertThat(CaptionLines.wrap("brick", metrics, CELL)).containsExactly("brick");
    }

    /** The sample images are found from the example classes, so the examples run from any working directory. */
    @Test
    void theSamplesAreFoundFromOutsideTheClone() throws Exception {
        ExampleProcess run = ExampleProcess.run(dir, List.of(), SampleFolderProbe.class);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().strip()).isEqualTo(SampleImages.locate().toString());
    }

    /** Prints the samples folder the examples see. */
    static final class SampleFolderProbe {
        public static void main(String[] args) {
            System.out.println(SampleImages.locate());
        }
    }

    private enum Area { PICTURE, FIRST_LINE, SECOND_LINE }

    private static FontMetrics metrics() {
        Graphics2D graphics = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        graphics.setFont(CAPTION_FONT);
        return graphics.getFontMetrics();
    }

    /** Pixels darker than mid-grey in a cell's picture area, or in a line of its caption strip. */
    private static int darkPixels(BufferedImage sheet, int column, int row, Area area) {
        int line = metrics().getHeight();
        int caption = (sheet.getHeight() - GAP) / 3 - CELL - GAP;
        int left = GAP + column * (CELL + GAP);
        int cellTop = GAP + row * (CELL + caption + GAP);
        int top = switch (area) {
            case PICTURE -> cellTop;
            case FIRST_LINE -> cellTop + CELL;
            case SECOND_LINE -> cellTop + CELL + line;
        };
        int count = 0;
        for (int y = top; y < top + (area == Area.PICTURE ? CELL : line); y++) {
            for (int x = left; x < left + CELL; x++) {
                int rgb = sheet.getRGB(x, y);
                int sum = ((rgb >> 16) & 255) + ((rgb >> 8) & 255) + (rgb & 255);
                count += sum < 3 * 128 ? 1 : 0;
            }
        }
        return count;
    }

    private static int cellHash(BufferedImage sheet, int column, int row, int caption) {
        int left = GAP + column * (CELL + GAP);
        int top = GAP + row * (CELL + caption + GAP);
        return Arrays.hashCode(sheet.getRGB(left, top, CELL, CELL, null, 0, CELL));
    }
}
