package io.github.nst4j.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One run of an example program in its own JVM and working directory, with its exit code and output. */
record ExampleProcess(int exitCode, String out, String err) {
    /**
     * Runs {@code main} with this test's class path.
     *
     * @param workingDirectory the process's working directory, which also keeps its stdout.txt and stderr.txt
     * @param systemProperties {@code -D} settings, e.g. {@code name=value}
     */
    static ExampleProcess run(Path workingDirectory, List<String> systemProperties, Class<?> main, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g"));
        systemProperties.forEach(property -> command.add("-D" + property));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        Path stdout = workingDirectory.resolve("stdout.txt");
        Path stderr = workingDirectory.resolve("stderr.txt");
        Process process = new ProcessBuilder(command).directory(workingDirectory.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(main.getSimpleName() + " did not finish in 300 s");
        }
        return new ExampleProcess(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
    }
}
