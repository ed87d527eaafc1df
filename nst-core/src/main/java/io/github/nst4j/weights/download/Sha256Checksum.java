package io.github.nst4j.weights.download;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/** An expected SHA-256 digest, written in lower-case hexadecimal. */
record Sha256Checksum(String hex) implements Checksum {
    Sha256Checksum {
        hex = hex.toLowerCase(Locale.ROOT);
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("A SHA-256 digest is 64 hexadecimal digits: " + hex);
        }
    }

    @Override
    public String algorithm() {
        return "SHA-256";
    }

    @Override
    public String expected() {
        return hex;
    }

    @Override
    public Hasher newHasher() {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
        return new Hasher() {
            @Override
            public void update(byte[] bytes, int offset, int length) {
                digest.update(bytes, offset, length);
            }

            @Override
            public String value() {
                return HexFormat.of().formatHex(digest.digest());
            }
        };
    }
}
