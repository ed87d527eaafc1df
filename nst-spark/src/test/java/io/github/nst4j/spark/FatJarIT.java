package io.github.nst4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The single jar as a cluster runs it: on a classpath of Spark's jars (what a Spark installation's
 * {@code jars/} holds, here from Maven) and nothing else of the build.
 */
class FatJarIT {
    @TempDir
    Path dir;

    @Test
    void theJarPrintsItsHelp() throws Exception {
        Process process = java("--help");

        assertThat(process.exitValue()).isZero();
        assertThat(output(process)).contains("Usage: nst-spark").contains("--manifest=URI").contains("--style-weight=W");
    }

    @Test
    void theJarRunsAJobOnLocalSparkWithItsOwnNatives() throws Exception {
        TestImages.write(dir.resolve("contents/c.png"), 32, 32, 1);
        TestImages.write(dir.resolve("styles/s.png"), 32, 32, 2);

        Process process = java("--content-dir", dir.resolve("contents").toString(),
                "--style-dir", dir.resolve("styles").toString(), "--output-dir", dir.resolve("out").toString(),
                "--size", "32", "--iterations", "2", "--weights", "random");

        String output = output(process);
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("1 items: 1 done, 0 skipped, 0 failed");
        assertThat(dir.resolve("out/c_s.png")).isNotEmptyFile();
    }

    private Process java(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(Arrays.asList(System.getProperty("nst.spark.java.options").trim().split("\\s+")));
        command.addAll(List.of("-Dspark.master=local[1]", "-Dspark.ui.enabled=false",
                "-Dspark.driver.host=127.0.0.1", "-Dspark.driver.bindAddress=127.0.0.1",
                "-cp", System.getProperty("nst.spark.jar") + java.io.File.pathSeparator + sparkJars(),
                NstSparkMain.class.getName()));
        command.addAll(Arrays.asList(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("process.log").toFile()).start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("finished").isTrue();
        return process;
    }

    private String output(Process process) throws IOException {
        return Files.readString(dir.resolve("process.log"));
    }

    /** The provided classpath (Spark and what it brings) less the job's own dependencies. */
    private static String sparkJars() throws IOException {
        Set<String> own = Set.of(classpath("nst.spark.classpath.runtime"));
        return String.join(java.io.File.pathSeparator, Arrays.stream(classpath("nst.spark.classpath.provided"))
                .filter(jar -> !own.contains(jar)).toList());
    }

    private static String[] classpath(String property) throws IOException {
        return Files.readString(Path.of(System.getProperty(property))).trim().split(java.io.File.pathSeparator);
    }
}
