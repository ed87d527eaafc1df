package io.github.nst4j.weights.download;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * An expected message digest (MD5, SHA-256) in lower-case hexadecimal, whole or only its first
 * digits: torchvision names its files after the first 8 hexadecimal digits of their SHA-256.
 *
 * @param algorithm the {@link MessageDigest} algorithm, e.g. {@code "SHA-256"}
 * @param hex the expected digits
 * @param prefix whether {@code hex} is only the digest's first digits
 */
record DigestChecksum(String algorithm, String hex, boolean prefix) implements Checksum {
    DigestChecksum {
        hex = hex.toLowerCase(Locale.ROOT);
        int digits = 2 * newDigest(algorithm).getDigestLength();
        boolean rightLength = prefix ? hex.length() >= 1 && hex.length() <= digits : hex.length() == digits;
        if (!rightLength || !hex.matches("[0-9a-f]+")) {
            throw new IllegalArgumentException("A" + (prefix ? " prefix of a" : "") + " " + algorithm + " digest is "
                    + (prefix ? "up to " : "") + digits + " hexadecimal digits: " + hex);
        }
    }

    @Override
    public String algorithm() {
        return prefix ? algorithm + " prefix" : algorithm;
    }

    @Override
    public String expected() {
        return hex;
    }

    @Override
    public Hasher newHasher() {
        MessageDigest digest = newDigest(algorithm);
        return new Hasher() {
            @Override
            public void update(byte[] bytes, int offset, int length) {
                digest.update(bytes, offset, length);
            }

            @Override
            public String value() {
                return HexFormat.of().formatHex(digest.digest()).substring(0, hex.length());
            }
        };
    }

    private static MessageDigest newDigest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has " + algorithm, e);
        }
    }
}
