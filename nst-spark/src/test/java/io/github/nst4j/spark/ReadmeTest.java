package io.github.nst4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** What the module's README tells a user to type stays what the job needs. */
class ReadmeTest {
    @Test
    void thePlainJavaCommandGivesEveryFlagSparkNeedsOnJava17() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("```\njava ");
        assertThat(start).as("a java command in README.md").isNotNegative();
        String command = readme.substring(start, readme.indexOf("```", start + 3));

        // The flags of spark.java.options in pom.xml, which the tests' own JVMs run with.
        String[] flags = System.getProperty("nst.spark.java.options").trim().split("\\s+");
        assertThat(flags).hasSizeGreaterThan(5);
        assertThat(Arrays.stream(flags).filter(flag -> !command.contains(flag))).as("flags missing").isEmpty();
        assertThat(command).contains("io.github.nst4j.spark.NstSparkMain", "-cp nst-spark-", "--weights random");
    }
}
