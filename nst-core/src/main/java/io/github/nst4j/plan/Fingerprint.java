package io.github.nst4j.plan;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** A 64-bit digest (the head of SHA-256) of settings and images, to tell whether two runs are the same. */
public final class Fingerprint {
    private final MessageDigest digest;

    public Fingerprint() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** Adds a value by its string form, with a separator so that adjacent values cannot merge. */
    public Fingerprint add(Object value) {
        digest.update((String.valueOf(value) + '\u0000').getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** Adds an image's size and pixels; null adds a marker. */
    public Fingerprint add(BufferedImage image) {
        if (image == null) {
            return add("no image");
        }
        int[] rgb = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        ByteBuffer bytes = ByteBuffer.allocate(4 * rgb.length + 8);
        bytes.putInt(image.getWidth()).putInt(image.getHeight());
        bytes.asIntBuffer().put(rgb);
        digest.update(bytes.array());
        return this;
    }

    public long value() {
        return ByteBuffer.wrap(digest.digest()).getLong();
    }
}
