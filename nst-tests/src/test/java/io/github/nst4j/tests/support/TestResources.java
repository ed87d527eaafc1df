package io.github.nst4j.tests.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Opens a text fixture on the test classpath and hands it to a parser. */
final class TestResources {
    /** Reads a fixture; may throw {@link IOException}. */
    @FunctionalInterface
    interface Parser<T> {
        T parse(BufferedReader reader) throws IOException;
    }

    private TestResources() {
    }

    static <T> T parse(String resource, Parser<T> parser) {
        try (InputStream in = TestResources.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test classpath");
            }
            return parser.parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
