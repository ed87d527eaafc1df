package io.github.nst4j.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The library is published with its sources and Javadoc, so that IDEs show the documentation: the
 * packaged nst-core has {@code -sources} and {@code -javadoc} jars holding the public API.
 */
class LibraryJarsTest {
    @Test
    void sourcesAndJavadocJarsHoldThePublicApi() throws IOException {
        Path target = SingleJarTest.repositoryRoot().resolve("nst-core").resolve("target");
        assumeTrue(Files.isRegularFile(target.resolve("nst-core-0.1.0-SNAPSHOT.jar")), "nst-core is not packaged");
        try (JarFile sources = new JarFile(target.resolve("nst-core-0.1.0-SNAPSHOT-sources.jar").toFile());
                JarFile javadoc = new JarFile(target.resolve("nst-core-0.1.0-SNAPSHOT-javadoc.jar").toFile())) {
            assertThat(sources.getEntry("io/github/nst4j/StyleTransferBuilder.java")).isNotNull();
            assertThat(javadoc.getEntry("io/github/nst4j/StyleTransferBuilder.html")).isNotNull();
            assertThat(javadoc.getEntry("io/github/nst4j/error/InvalidSettingException.html")).isNotNull();
            // The DL4J workarounds are engine internals, kept out of the API documentation.
            assertThat(javadoc.getEntry("io/github/nst4j/workaround/package-summary.html")).isNull();
        }
    }
}
