package io.github.nst4j.examples.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs the same optimisation step in PyTorch ({@code pytorch_bench.py}, shipped beside this class,
 * or another script of the same protocol such as {@code fast_style_bench.py}) with a Python interpreter, one process per size so that each peak RSS is its own, driven a step at
 * a time ({@link Session}). Optional: when no interpreter with torch is found, {@link #start} says
 * why and the Java figures stand alone.
 */
final class PytorchComparison {
    private static final String SCRIPT = "pytorch_bench.py";
    /** Tried in this order when no interpreter is given: the one on PATH, then Debian's (python3-torch). */
    private static final List<String> DEFAULT_PYTHONS = List.of("python3", "/usr/bin/python3");
    private static final long PROBE_TIMEOUT_SECONDS = 120;
    /** How long a PyTorch process may take to exit once its input is closed. */
    private static final long EXIT_TIMEOUT_SECONDS = 30;

    /** PyTorch's figures for one size. */
    record Figures(int size, double medianSeconds, long peakRssMb) {
    }

    /** A usable interpreter, or the reason there is none. */
    record Setup(Optional<PytorchComparison> comparison, String description) {
    }

    private final String python;
    private final Path script;

    private PytorchComparison(String python, Path script) {
        this.python = python;
        this.script = script;
    }

    /**
     * Finds an interpreter that imports torch: {@code python} if given, else {@code python3} on
     * PATH, then {@code /usr/bin/python3}. The description names the interpreter and torch version,
     * or says in one sentence what is missing and how to get it.
     */
    static Setup start(String python) {
        return start(python, SCRIPT);
    }

    /** As {@link #start(String)}, for another script shipped beside this class. */
    static Setup start(String python, String script) {
        List<String> candidates = python != null ? List.of(python) : DEFAULT_PYTHONS;
        Set<String> problems = new LinkedHashSet<>();
        for (String candidate : candidates) {
            Probe probe = probe(candidate);
            if (probe.torchVersion != null) {
                return new Setup(Optional.of(new PytorchComparison(candidate, extractScript(script))),
                        candidate + ", torch " + probe.torchVersion);
            }
            problems.add(probe.problem);
        }
        return new Setup(Optional.empty(), "PyTorch comparison skipped: " + String.join("; ", problems)
                + ". Install Debian's python3-torch (or torch for your Python) or name the interpreter with --python.");
    }

    /**
     * Starts the PyTorch side of one size: sets up the objective, runs {@code warmup} untimed steps
     * on {@code threads} threads and waits for further steps, which {@link Session#step} requests one
     * at a time. {@code arguments} go to the script as they are.
     *
     * @throws IOException with the script's last line when it fails before it is ready
     */
    Session open(int size, int warmup, int threads, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(python, script.toString(), "--size", Integer.toString(size),
                "--warmup", Integer.toString(warmup), "--threads", Integer.toString(threads)));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Session session = new Session(size, process);
        session.awaitLine("ready");
        return session;
    }

    /**
     * One PyTorch process, driven step by step, so that its steps can alternate with nst4j's and
     * both see the same machine load. Close it when done (it is also ended if a step fails).
     */
    static final class Session implements AutoCloseable {
        private final int size;
        private final Process process;
        private final BufferedReader output;
        private final PrintWriter input;

        private Session(int size, Process process) {
            this.size = size;
            this.process = process;
            this.output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            this.input = new PrintWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8),
                    true);
        }

        /** Runs one optimisation step in PyTorch; the script keeps its time. */
        void step() throws IOException {
            input.println("step");
            awaitLine("step ");
        }

        /** Ends the process and returns the figures of the steps it ran. */
        Figures finish() throws IOException {
            input.println("done");
            String line = awaitLine("result ");
            close();
            Map<String, String> values = keyValues(line);
            try {
                return new Figures(size, Double.parseDouble(values.get("median_s")),
                        Long.parseLong(values.get("peak_rss_mb")));
            } catch (NumberFormatException | NullPointerException e) {
                throw new IOException("unreadable result line: " + line, e);
            }
        }

        /** Ends the process (it exits when its input closes); may be called more than once. */
        @Override
        public void close() {
            input.close();
            try {
                if (!process.waitFor(EXIT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }

        /** Reads up to the first line that starts with {@code prefix}; other lines are progress. */
        private String awaitLine(String prefix) throws IOException {
            String last = "no output";
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                if (line.startsWith(prefix)) {
                    return line;
                }
                last = line;
            }
            process.destroyForcibly();
            throw new IOException("the Python process ended (" + last + ")");
        }
    }

    /** Deletes the extracted script. */
    void close() {
        try {
            Files.deleteIfExists(script);
        } catch (IOException e) {
            // A stray temporary file is harmless.
        }
    }

    private record Probe(String torchVersion, String problem) {
    }

    private static Probe probe(String python) {
        List<String> output = new ArrayList<>();
        try {
            int exit = run(List.of(python, "-c", "import torch; print(torch.__version__)"), output,
                    PROBE_TIMEOUT_SECONDS);
            if (exit == 0 && !output.isEmpty()) {
                return new Probe(output.get(output.size() - 1).strip(), null);
            }
            boolean noTorch = output.stream().anyMatch(line -> line.contains("No module named 'torch'"));
            return new Probe(null, noTorch ? python + " has no torch module"
                    : python + " cannot import torch (" + (output.isEmpty() ? "exit code " + exit
                            : output.get(output.size() - 1)) + ")");
        } catch (IOException e) {
            return new Probe(null, "cannot run " + python + " (" + rootMessage(e) + ")");
        }
    }

    /** Runs a command with stderr merged into stdout, collecting its lines. */
    private static int run(List<String> command, List<String> lines, long timeoutSeconds) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> collected = Collections.synchronizedList(new ArrayList<>());
        Thread pump = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                reader.lines().forEach(collected::add);
            } catch (IOException | UncheckedIOException e) {
                // The process went away; what was read so far is kept.
            }
        }, "python-output");
        pump.setDaemon(true);
        pump.start();
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("no answer within " + timeoutSeconds + " s");
            }
            pump.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        synchronized (collected) {
            lines.addAll(collected);
        }
        return process.exitValue();
    }

    private static Map<String, String> keyValues(String line) {
        Map<String, String> values = new HashMap<>();
        for (String field : line.split("\\s+")) {
            int equals = field.indexOf('=');
            if (equals > 0) {
                values.put(field.substring(0, equals), field.substring(equals + 1));
            }
        }
        return values;
    }

    private static Path extractScript(String script) {
        try (InputStream in = PytorchComparison.class.getResourceAsStream(script)) {
            if (in == null) {
                throw new IllegalStateException(script + " is missing from the nst-examples jar");
            }
            Path file = Files.createTempFile("nst-pytorch-bench", ".py");
            Files.write(file, in.readAllBytes());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the PyTorch benchmark script to a temporary file", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage();
        // ProcessBuilder: 'Cannot run program "x": error=2, No such file or directory'.
        return message != null && message.contains(", ") ? message.substring(message.lastIndexOf(", ") + 2)
                : String.valueOf(message);
    }
}
