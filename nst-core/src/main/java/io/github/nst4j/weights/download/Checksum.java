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
        return new DigestChecksum("SHA-256", hex, false);
    }

    /**
     * The first digits of a SHA-256 digest, as torchvision publishes them in its file names
     * ({@code vgg19-dcbb9e9d.pth}).
     *
     * @param hexPrefix 1 to 64 hexadecimal digits, in either case
     * @throws IllegalArgumentException if {@code hexPrefix} is not 1 to 64 hexadecimal digits
     */
    static Checksum sha256Prefix(String hexPrefix) {
        return new DigestChecksum("SHA-256", hexPrefix, true);
    }

    /**
     * An MD5 digest, as Keras publishes for its weights files: enough to catch a damaged download,
     * though not a forged one.
     *
     * @param hex the 32 hexadecimal digits, in either case
     * @throws IllegalArgumentException if {@code hex} is not 32 hexadecimal digits
     */
    static Checksum md5(String hex) {
        return new DigestChecksum("MD5", hex, false);
    }

    /** The algorithm's name, for messages, e.g. {@code "Adler-32"}. */
    String algorithm();

    /** The expected value, written as {@link Hasher#value()} writes it. */
    String expected();

    /** Starts computing this kind of checksum. */
    Hasher newHasher();

    /** A checksum being computed over bytes fed in order. */
    interface Hasher {
        /** Feeds {@code length} bytes of {@code bytes} from {@code offset}. */
        void update(byte[] bytes, int offset, int length);

        /** The checksum of all bytes fed, in the form of {@link Checksum#expected()}; call it once, at the end. */
        String value();
    }
}
