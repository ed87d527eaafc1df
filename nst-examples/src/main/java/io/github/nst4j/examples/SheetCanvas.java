package io.github.nst4j.examples;

import io.github.nst4j.image.Images;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * The contact sheet's grid: square cells of the result size with a caption strip under each, the
 * style paintings across the top, the content photos down the left, and the results in between.
 * Images are fitted into their cell, aspect ratio kept, centred on white.
 */
final class SheetCanvas {
    private static final int GAP = 4;

    private final int cell;
    private final int caption;
    private final BufferedImage image;
    private final Graphics2D graphics;

    SheetCanvas(int rows, int columns, int cell) {
        this.cell = cell;
        this.caption = captionHeight(cell);
        this.image = new BufferedImage(width(columns, cell), height(rows, cell), BufferedImage.TYPE_INT_RGB);
        this.graphics = image.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, image.getWidth(), image.getHeight());
        graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        graphics.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, caption * 3 / 4));
    }

    /** Width of a sheet with {@code columns} styles: a header column plus one per style. */
    static int width(int columns, int cell) {
        return (columns + 1) * (cell + GAP) + GAP;
    }

    /** Height of a sheet with {@code rows} contents: a header row plus one per content, each captioned. */
    static int height(int rows, int cell) {
        return (rows + 1) * (cell + captionHeight(cell) + GAP) + GAP;
    }

    private static int captionHeight(int cell) {
        return Math.max(12, cell / 10);
    }

    void columnHeader(int column, BufferedImage style, String label) {
        draw(0, column + 1, style, label);
    }

    void rowHeader(int row, BufferedImage content, String label) {
        draw(row + 1, 0, content, label);
    }

    void cell(int row, int column, BufferedImage result) {
        draw(row + 1, column + 1, result, null);
    }

    BufferedImage image() {
        return image;
    }

    private void draw(int gridRow, int gridColumn, BufferedImage picture, String label) {
        int left = GAP + gridColumn * (cell + GAP);
        int top = GAP + gridRow * (cell + caption + GAP);
        BufferedImage fitted = Images.resizeLongSide(Images.toRgb(picture), cell);
        graphics.drawImage(fitted, left + (cell - fitted.getWidth()) / 2, top + (cell - fitted.getHeight()) / 2, null);
        if (label != null) {
            FontMetrics metrics = graphics.getFontMetrics();
            String text = label;
            while (text.length() > 1 && metrics.stringWidth(text) > cell) {
                text = text.substring(0, text.length() - 1);
            }
            graphics.setColor(Color.BLACK);
            graphics.drawString(text, left + (cell - metrics.stringWidth(text)) / 2, top + cell + metrics.getAscent());
        }
    }
}
