package io.github.nst4j.examples;

import io.github.nst4j.image.Images;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.stream.Stream;

/**
 * The contact sheet's grid: square cells of the result size with a caption strip under each, the
 * style paintings across the top, the content photos down the left, and the results in between.
 * Images are fitted into their cell, aspect ratio kept, centred on white. Captions are wrapped to
 * the cell's width, and the strip is as tall as the longest caption.
 */
final class SheetCanvas {
    private static final int GAP = 4;

    private final int cell;
    private final List<List<String>> rowCaptions;
    private final List<List<String>> columnCaptions;
    private final int captionHeight;
    private final BufferedImage image;
    private final Graphics2D graphics;

    /**
     * @param rowLabels the content photos' names, one per row
     * @param columnLabels the paintings' names, one per column
     * @param cell the side of a cell, in pixels
     */
    SheetCanvas(List<String> rowLabels, List<String> columnLabels, int cell) {
        this.cell = cell;
        Graphics2D measure = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        configure(measure, cell);
        FontMetrics metrics = measure.getFontMetrics();
        this.rowCaptions = wrapAll(rowLabels, metrics, cell);
        this.columnCaptions = wrapAll(columnLabels, metrics, cell);
        int lines = Stream.concat(rowCaptions.stream(), columnCaptions.stream()).mapToInt(List::size).max().orElse(1);
        this.captionHeight = Math.max(minimumCaptionHeight(cell), lines * metrics.getHeight());
        measure.dispose();
        int width = (columnLabels.size() + 1) * (cell + GAP) + GAP;
        int height = (rowLabels.size() + 1) * (cell + captionHeight + GAP) + GAP;
        this.image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        this.graphics = image.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, width, height);
        configure(graphics, cell);
    }

    void columnHeader(int column, BufferedImage style) {
        draw(0, column + 1, style, columnCaptions.get(column));
    }

    void rowHeader(int row, BufferedImage content) {
        draw(row + 1, 0, content, rowCaptions.get(row));
    }

    void cell(int row, int column, BufferedImage result) {
        draw(row + 1, column + 1, result, List.of());
    }

    BufferedImage image() {
        return image;
    }

    private static int minimumCaptionHeight(int cell) {
        return Math.max(12, cell / 10);
    }

    private static void configure(Graphics2D graphics, int cell) {
        graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        graphics.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, minimumCaptionHeight(cell) * 3 / 4));
    }

    private static List<List<String>> wrapAll(List<String> labels, FontMetrics metrics, int width) {
        return labels.stream().map(label -> CaptionLines.wrap(label, metrics, width)).toList();
    }

    private void draw(int gridRow, int gridColumn, BufferedImage picture, List<String> caption) {
        int left = GAP + gridColumn * (cell + GAP);
        int top = GAP + gridRow * (cell + captionHeight + GAP);
        BufferedImage fitted = Images.resizeLongSide(Images.toRgb(picture), cell);
        graphics.drawImage(fitted, left + (cell - fitted.getWidth()) / 2, top + (cell - fitted.getHeight()) / 2, null);
        FontMetrics metrics = graphics.getFontMetrics();
        graphics.setColor(Color.BLACK);
        for (int line = 0; line < caption.size(); line++) {
            String text = caption.get(line).strip();
            graphics.drawString(text, left + (cell - metrics.stringWidth(text)) / 2,
                    top + cell + metrics.getAscent() + line * metrics.getHeight());
        }
    }
}
