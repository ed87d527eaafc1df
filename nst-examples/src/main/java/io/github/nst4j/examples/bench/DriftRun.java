package io.github.nst4j.examples.bench;

import io.github.nst4j.cli.bench.ProcessInfo;
import io.github.nst4j.cli.bench.StepBenchmark;
import io.github.nst4j.examples.ExampleCommandLine;
import io.github.nst4j.examples.ExampleWeights;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * One long run at one size, to see whether speed or memory degrade: the ten steps after iteration
 * 10 against the last ten, with a line per 100 steps (or per tenth of the run) in between. A
 * developer's tool, kept out of the CLI.
 *
 * <pre>
 * nst-examples/run DriftRun --iterations 1000 --size 128
 * </pre>
 */
@Command(name = "DriftRun", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        description = "Run N iterations at one size and compare s/iter and memory of iterations 10-20 with the last ten.")
public final class DriftRun implements Callable<Integer> {
    private static final int WINDOW = 10;

    @Spec
    private CommandSpec spec;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "1000", description = "Length of the run.")
    private int iterations;

    @Option(names = "--size", paramLabel = "N", defaultValue = "128", description = "Square image size, in pixels.")
    private int size;

    @Option(names = "--low-memory", description = "Arrays freed at once instead of recycled.")
    private boolean lowMemory;

    @Option(names = "--weights", paramLabel = "random|zoo|FILE", defaultValue = "random",
            description = "VGG19 weights; speed does not depend on their values.")
    private String weights;

    /** Resident and JVM heap memory after a given step. */
    private record Memory(long residentBytes, long heapBytes) {
        static Memory now() {
            Runtime runtime = Runtime.getRuntime();
            return new Memory(ProcessInfo.residentBytes(), runtime.totalMemory() - runtime.freeMemory());
        }
    }

    /** The configured command line, for {@link #main} and tests. */
    public static CommandLine commandLine() {
        return ExampleCommandLine.of(new DriftRun());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    @Override
    public Integer call() {
        if (iterations < 2 * WINDOW + 10 || size < 32) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "needs --iterations of at least " + (2 * WINDOW + 10) + " and --size of at least 32 px");
        }
        PrintWriter out = spec.commandLine().getOut();
        int early = 2 * WINDOW; // iterations 10-20: past the first steps' set-up
        int every = Math.max(WINDOW, Math.min(100, iterations / 10));
        List<Double> seconds = new ArrayList<>(iterations);
        Memory[] memory = new Memory[2];
        long[] last = {0};
        out.println(String.format(Locale.ROOT, "Drift: %d iterations at %dx%d in one run", iterations, size, size));
        out.flush();
        ProcessInfo.resetPeak();
        new StepBenchmark(ExampleWeights.parse(weights), lowMemory).run(size, iterations, event -> {
            long now = event.elapsed().toNanos();
            seconds.add((now - last[0]) / 1e9);
            last[0] = now;
            int done = event.iteration();
            if (done == early) {
                memory[0] = Memory.now();
            }
            if (done == iterations) {
                memory[1] = Memory.now();
            }
            if (done % every == 0) {
                out.println(String.format(Locale.ROOT, "  iteration %5d  %.3f s/iter over the last %d  RSS %s",
                        done, mean(seconds, done - every, done), every, megabytes(ProcessInfo.residentBytes())));
                out.flush();
            }
        });
        double before = mean(seconds, early - WINDOW, early);
        double after = mean(seconds, iterations - WINDOW, iterations);
        out.println();
        out.println("iterations     s/iter (mean)  s/iter (median)  RSS after   JVM heap used after");
        out.println(row(early - WINDOW, early, seconds, memory[0]));
        out.println(row(iterations - WINDOW, iterations, seconds, memory[1]));
        out.println(String.format(Locale.ROOT, "change: %+.1f %% s/iter, %s RSS; peak RSS of the run %s",
                100 * (after / before - 1), rssChange(memory[0], memory[1]), ProcessInfo.describePeak().strip()));
        out.flush();
        return 0;
    }

    private static String row(int from, int to, List<Double> seconds, Memory memory) {
        List<Double> sorted = new ArrayList<>(seconds.subList(from, to));
        sorted.sort(null);
        return String.format(Locale.ROOT, "%5d-%-5d %12.3f %16.3f %12s %12s", from, to, mean(seconds, from, to),
                StepBenchmark.median(sorted), megabytes(memory.residentBytes()), megabytes(memory.heapBytes()));
    }

    /** Mean seconds of steps {@code from + 1} to {@code to} (1-based), i.e. list indices from..to-1. */
    private static double mean(List<Double> seconds, int from, int to) {
        return seconds.subList(from, to).stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    private static String megabytes(long bytes) {
        return bytes < 0 ? "?" : (bytes >> 20) + " MB";
    }

    private static String rssChange(Memory before, Memory after) {
        if (before.residentBytes() < 0 || after.residentBytes() < 0) {
            return "?";
        }
        return String.format(Locale.ROOT, "%+d MB", (after.residentBytes() - before.residentBytes()) >> 20);
    }
}
