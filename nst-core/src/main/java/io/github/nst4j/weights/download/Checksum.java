package io.github.nst4j.weights.download;

/** The checksum a downloaded file must have; computed while the file streams in. */
public interface Checksum {
    /** An Adler-32 value, as the Deeplearning4j model zoo publishes for its files. */
    static Checksum adler32(long expected) {
        return new Adler32Checksum(expected);
    }

    /**
     * A SHA-256 digest.
     *
     * @param hex the 64 hexadecimal digits, in either case
     * @throws IllegalArgumentException if {@code hex} is not 64 hexadecimal digits
     */
    static Checksum sha256(String hex) {
        return new Sha256Checksum(hex);
    }

    /** The algorithm's name, for messages, e.g. {@code "Adler-32"}. */
    String algorithm();

    /** The expected value, written as {@link Hasher#value()} writes it. */
    String expected();

    /** Starts computing this kind of checksum. */
    Hasher newHasher();

    /** A checksum being computed over bytes fed in order. */
    interface Hasher {
        void update(byte[] bytes, int offset, int length);

        /** The checksum of all bytes fed, in the form of {@link Checksum#expected()}; call it once, at the end. */
        String value();
    }
}
