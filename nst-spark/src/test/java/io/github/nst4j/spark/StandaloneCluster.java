package io.github.nst4j.spark;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Spark standalone master and one worker on loopback, each in its own JVM, started from the jars
 * on the test classpath. The worker launches executors as a Spark installation would: from
 * {@code SPARK_HOME/jars}, here a directory of links to those jars, plus the classes directories
 * given as {@link #executorClassPath()}.
 */
final class StandaloneCluster implements AutoCloseable {
    private static final String JAVA_OPTIONS = System.getProperty("nst.spark.java.options", "");

    private final Path home;
    private final List<String> directories = new ArrayList<>();
    private final int port;
    private final List<Process> processes = new ArrayList<>();

    StandaloneCluster(Path dir, int cores, String memory) throws IOException, InterruptedException {
        home = dir.resolve("spark-home");
        Files.createDirectories(home.resolve("jars"));
        Files.writeString(home.resolve("RELEASE"), "Spark jars of the nst-spark test classpath\n");
        for (String entry : testClassPath()) {
            Path path = Path.of(entry);
            if (Files.isDirectory(path)) {
                directories.add(entry);
            } else if (entry.endsWith(".jar") && Files.isRegularFile(path)) {
                Path link = home.resolve("jars").resolve(path.getFileName());
                if (!Files.exists(link)) {
                    Files.createSymbolicLink(link, path);
                }
            }
        }
        port = freePort();
        String master = masterUrl();
        start(dir.resolve("master.log"), "Starting Spark master at " + master,
                "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", String.valueOf(port),
                "--webui-port", String.valueOf(freePort()));
        Path work = Files.createDirectories(dir.resolve("worker"));
        start(dir.resolve("worker.log"), "Successfully registered with master",
                "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", String.valueOf(cores),
                "--memory", memory, "--webui-port", String.valueOf(freePort()), "--work-dir", work.toString(),
                master);
    }

    String masterUrl() {
        return "spark://127.0.0.1:" + port;
    }

    /** The classes directories of the build, which a jars directory cannot hold. */
    String executorClassPath() {
        return String.join(File.pathSeparator, directories);
    }

    private void start(Path log, String ready, String mainClass, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m"));
        if (!JAVA_OPTIONS.isBlank()) {
            command.addAll(Arrays.asList(JAVA_OPTIONS.trim().split("\\s+")));
        }
        command.addAll(List.of("-cp", home.resolve("jars") + File.separator + "*", mainClass));
        command.addAll(Arrays.asList(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("SPARK_HOME", home.toString());
        builder.environment().put("SPARK_SCALA_VERSION", "2.13");
        builder.environment().remove("SPARK_CONF_DIR");
        Process process = builder.start();
        processes.add(process);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (!Files.readString(log).contains(ready)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException(mainClass + " did not start:\n" + Files.readString(log));
            }
            Thread.sleep(200);
        }
    }

    /** Stops the worker (which stops its executors), then the master. */
    @Override
    public void close() throws InterruptedException {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process process = processes.get(i);
            List<ProcessHandle> children = process.descendants().toList();
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    private static List<String> testClassPath() {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.asList(classPath.split(File.pathSeparator));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
