package io.github.nst4j.video.io;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

/** Frame copies in the one pixel layout the rest of the module works with. */
public final class Frames {
    private Frames() {
    }

    /** A new {@code TYPE_INT_RGB} copy of {@code image}. */
    public static BufferedImage copyRgb(BufferedImage image) {
        BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = copy.createGraphics();
        try {
            graphics.drawImage(image, 0, 0, null);
        } finally {
            graphics.dispose();
        }
        return copy;
    }
}
