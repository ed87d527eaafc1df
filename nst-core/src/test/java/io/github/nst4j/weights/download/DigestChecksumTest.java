package io.github.nst4j.weights.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** MD5, SHA-256 and SHA-256 prefixes against digests published for "abc" (RFC 1321, FIPS 180-2). */
class DigestChecksumTest {
    private static final byte[] ABC = "abc".getBytes(StandardCharsets.US_ASCII);
    private static final String SHA256_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    @Test
    void eachDigestOfAbcIsTheExpectedOne() {
        assertThat(value(Checksum.md5("900150983CD24FB0D6963F7D28E17F72"))).isEqualTo("900150983cd24fb0d6963f7d28e17f72");
        assertThat(value(Checksum.sha256(SHA256_ABC))).isEqualTo(SHA256_ABC);
        Checksum prefix = Checksum.sha256Prefix("BA7816BF");
        assertThat(value(prefix)).isEqualTo(prefix.expected()).isEqualTo("ba7816bf");
        assertThat(prefix.algorithm()).isEqualTo("SHA-256 prefix");
    }

    @Test
    void digitsOfTheWrongLengthOrKindAreRefused() {
        assertThatThrownBy(() -> Checksum.md5("900150983cd24fb0")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 hexadecimal digits");
        assertThatThrownBy(() -> Checksum.sha256Prefix("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Checksum.sha256Prefix(SHA256_ABC + "0")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("up to 64");
        assertThatThrownBy(() -> Checksum.sha256Prefix("dcbb9e9g")).isInstanceOf(IllegalArgumentException.class);
    }

    private static String value(Checksum checksum) {
        Checksum.Hasher hasher = checksum.newHasher();
        hasher.update(ABC, 0, 1);
        hasher.update(ABC, 1, 2);
        return hasher.value();
    }
}
