package io.github.nst4j.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Percentage.withPercentage;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The single jar as a cluster runs it, beside Spark's jars (what a Spark installation's {@code jars/}
 * holds, here from Maven): Spark and its dependencies, but none of nst4j, Deeplearning4j, ND4J,
 * JavaCPP or picocli, which the jar must bring itself.
 */
class FatJarIT {
    /** What the jar brings: nst4j, Deeplearning4j, ND4J and its natives, picocli. */
    private static final Pattern OWN = Pattern.compile(
            "[/\\\\](io[/\\\\]github[/\\\\]nst4j|org[/\\\\]nd4j|org[/\\\\]deeplearning4j|org[/\\\\]datavec"
                    + "|org[/\\\\]bytedeco|info[/\\\\]picocli)[/\\\\]");

    @TempDir
    Path dir;

    @Test
    void theJarPrintsItsHelp() throws Exception {
        Process process = java("--help");

        assertThat(process.exitValue()).isZero();
        assertThat(output()).contains("Usage: nst-spark").contains("--manifest=URI").contains("--style-weight=W");
    }

    /** The module's README says how large the jar is, within 2%. */
    @Test
    void theReadmeQuotesTheJarsSize() throws IOException {
        Matcher quoted = Pattern.compile("-all\\.jar` \\(about (\\d+) MiB")
                .matcher(Files.readString(Path.of("README.md")));
        assertThat(quoted.find()).as("README.md quotes the jar's size").isTrue();

        double mebibytes = Files.size(Path.of(System.getProperty("nst.spark.jar"))) / (1024.0 * 1024.0);

        assertThat(Double.parseDouble(quoted.group(1))).as("README's MiB, the jar's %.1f MiB", mebibytes)
                .isCloseTo(mebibytes, withPercentage(2));
    }

    /** Through SparkSubmit, the class that the spark-submit script ends up running. */
    @Test
    void sparkSubmitRunsAJobFromTheJarWithItsOwnNatives() throws Exception {
        TestImages.write(dir.resolve("contents/c.png"), 32, 32, 1);
        TestImages.write(dir.resolve("styles/s.png"), 32, 32, 2);

        Process process = sparkSubmit("--content-dir", dir.resolve("contents").toString(),
                "--style-dir", dir.resolve("styles").toString(), "--output-dir", dir.resolve("out").toString(),
                "--size", "32", "--iterations", "2", "--weights", "random");

        String output = output();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("1 item: 1 done, 0 skipped, 0 failed");
        assertThat(dir.resolve("out/c_s.png")).isNotEmptyFile();
    }

    /** {@code java -cp JAR:SPARK_JARS NstSparkMain ARGS}. */
    private Process java(String... args) throws IOException, InterruptedException {
        List<String> command = javaCommand(System.getProperty("nst.spark.jar") + File.pathSeparator + sparkJars());
        command.add(NstSparkMain.class.getName());
        command.addAll(Arrays.asList(args));
        return run(command);
    }

    /** {@code spark-submit --master local[1] --class NstSparkMain JAR ARGS}, on Spark's jars alone. */
    private Process sparkSubmit(String... args) throws IOException, InterruptedException {
        List<String> command = javaCommand(sparkJars());
        command.addAll(List.of("org.apache.spark.deploy.SparkSubmit", "--master", "local[1]",
                "--class", NstSparkMain.class.getName(), System.getProperty("nst.spark.jar")));
        command.addAll(Arrays.asList(args));
        return run(command);
    }

    private static List<String> javaCommand(String classPath) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(Arrays.asList(System.getProperty("nst.spark.java.options").trim().split("\\s+")));
        command.addAll(List.of("-Dspark.ui.enabled=false", "-Dspark.driver.host=127.0.0.1",
                "-Dspark.driver.bindAddress=127.0.0.1", "-cp", classPath));
        return command;
    }

    private Process run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("process.log").toFile()).start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as("finished").isTrue();
        return process;
    }

    private String output() throws IOException {
        return Files.readString(dir.resolve("process.log"));
    }

    /**
     * The provided classpath (Spark's own) and the libraries it shares with the job (SLF4J, Commons...),
     * which Maven counts as the job's.
     */
    private static String sparkJars() throws IOException {
        List<String> jars = new ArrayList<>(Arrays.asList(classpath("nst.spark.classpath.provided")));
        Arrays.stream(classpath("nst.spark.classpath.runtime")).filter(jar -> !isOwn(jar)).forEach(jars::add);
        return String.join(File.pathSeparator, jars);
    }

    /** From the local repository by group, or nst4j's own modules by name (in a reactor build). */
    private static boolean isOwn(String jar) {
        return OWN.matcher(jar).find() || Path.of(jar).getFileName().toString().startsWith("nst-");
    }

    private static String[] classpath(String property) throws IOException {
        return Files.readString(Path.of(System.getProperty(property))).trim().split(File.pathSeparator);
    }
}
