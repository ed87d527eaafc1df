package io.github.nst4j.examples;

import java.awt.FontMetrics;
import java.util.ArrayList;
import java.util.List;

/**
 * Breaks a caption into lines no wider than a cell, so that a contact sheet shows whole names:
 * after a {@code -}, {@code _}, {@code .} or space, and inside a word only when the word alone is
 * wider than the cell.
 */
public final class CaptionLines {
    private CaptionLines() {
    }

    /**
     * The lines of {@code label} in the font of {@code metrics}, each at most {@code width} pixels
     * wide (a single character wider than that gets a line of its own); joined, they are the label.
     */
    public static List<String> wrap(String label, FontMetrics metrics, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : label.split("(?<=[-_. ])")) {
            if (!line.isEmpty() && metrics.stringWidth(line + word) > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            for (int at = 0; at < word.length(); at = word.offsetByCodePoints(at, 1)) {
                String character = word.substring(at, word.offsetByCodePoints(at, 1));
                if (!line.isEmpty() && metrics.stringWidth(line + character) > width) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                line.append(character);
            }
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }
}
