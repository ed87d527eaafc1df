package io.github.nst4j.weights.download;

import java.util.zip.Adler32;

/** An expected Adler-32 value, written in decimal. */
record Adler32Checksum(long value) implements Checksum {
    Adler32Checksum {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("An Adler-32 value is an unsigned 32-bit number: " + value);
        }
    }

    @Override
    public String algorithm() {
        return "Adler-32";
    }

    @Override
    public String expected() {
        return Long.toString(value);
    }

    @Override
    public Hasher newHasher() {
        Adler32 adler32 = new Adler32();
        return new Hasher() {
            @Override
            public void update(byte[] bytes, int offset, int length) {
                adler32.update(bytes, offset, length);
            }

            @Override
            public String value() {
                return Long.toString(adler32.getValue());
            }
        };
    }
}
