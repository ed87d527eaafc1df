package io.github.nst4j.tests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.nst4j.cli.NstMain;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The single runnable jar that {@code mvn package} writes beside the thin one
 * ({@code nst-cli/target/nst-cli-VERSION-all.jar}): self-contained manifest, merged service files,
 * no stale signatures, and it starts. Skipped when nst-cli was not packaged (e.g. {@code mvn test}).
 */
class SingleJarTest {
    private static Path jar;

    @BeforeAll
    static void locate() throws IOException {
        Path target = repositoryRoot().resolve("nst-cli").resolve("target");
        assumeTrue(Files.isRegularFile(target.resolve("nst-cli.jar")), "nst-cli is not packaged in " + target);
        try (Stream<Path> files = Files.list(target)) {
            jar = files.filter(file -> file.getFileName().toString().matches("nst-cli-.+-all\\.jar"))
                    .max(Comparator.comparing(file -> file.toFile().lastModified())).orElse(null);
        }
        // Packaging writes both jars: a thin jar without the single one means the shade step is gone.
        assertThat(jar).as("nst-cli-*-all.jar beside nst-cli.jar in " + target).isNotNull();
    }

    @Test
    void manifestRunsTheCommandWithoutAClassPath() throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            Attributes main = file.getManifest().getMainAttributes();
            assertThat(main.getValue("Main-Class")).isEqualTo("io.github.nst4j.cli.NstMain");
            assertThat(main.getValue("Class-Path")).as("Class-Path into lib/").isNull();
        }
    }

    @Test
    void serviceFilesOfSeveralJarsAreMerged() throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(serviceClasses(file, "org.nd4j.linalg.factory.Nd4jBackend"))
                    .singleElement().asString().endsWith("Backend");
            // nd4j-native and nd4j-native-api each contribute compressors to this one file.
            assertThat(serviceClasses(file, "org.nd4j.linalg.compression.NDArrayCompressor"))
                    .contains("org.nd4j.compression.impl.Gzip", "org.nd4j.compression.impl.NoOp")
                    .hasSizeGreaterThan(2);
            assertThat(serviceClasses(file, "javax.imageio.spi.ImageReaderSpi"))
                    .anyMatch(name -> name.startsWith("com.twelvemonkeys.imageio.plugins.jpeg."));
        }
    }

    @Test
    void resourcesSurviveAndSignaturesDoNot() throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(file.getEntry("logback.xml")).isNotNull();
            assertThat(file.getEntry("nst-version.properties")).isNotNull();
            assertThat(file.getEntry("functions.properties")).as("nd4j-api's op list").isNotNull();
            assertThat(file.getEntry("META-INF/maven/org.bytedeco/javacpp/pom.properties"))
                    .as("JavaCPP reads its version from here").isNotNull();
            assertThat(file.stream().map(JarEntry::getName))
                    .noneMatch(name -> name.matches("META-INF/[^/]+\\.(SF|DSA|RSA)"));
        }
    }

    @Test
    void startsOnItsOwn() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-jar", jar.toString(), "--version")
                .redirectErrorStream(true).start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).startsWith("nst4j ").contains("Deeplearning4j 1.0.0-M2.1");
    }

    private static List<String> serviceClasses(JarFile file, String service) throws IOException {
        JarEntry entry = file.getJarEntry("META-INF/services/" + service);
        assertThat(entry).as(service).isNotNull();
        try (InputStream in = file.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        }
    }

    static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("nst-cli").resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No nst-cli/ module above " + Path.of("").toAbsolutePath());
    }
}
