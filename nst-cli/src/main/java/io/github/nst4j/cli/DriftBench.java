package io.github.nst4j.cli;

import io.github.nst4j.StyleTransfer;
import io.github.nst4j.listener.IterationEvent;
import io.github.nst4j.weights.WeightsSource;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code nst bench --drift N}: one long run at one size, to see whether speed or memory degrade.
 * It compares the ten steps after iteration 10 with the last ten, and prints a line per 100 steps
 * (or per tenth of the run) in between.
 */
final class DriftBench {
    private final WeightsSource source;
    private final int size;
    private final int iterations;
    private final int window;
    private final boolean lowMemory;

    /** Resident and JVM heap memory after a given step. */
    private record Memory(long residentBytes, long heapBytes) {
        static Memory now() {
            Runtime runtime = Runtime.getRuntime();
            return new Memory(ProcessInfo.residentBytes(), runtime.totalMemory() - runtime.freeMemory());
        }
    }

    DriftBench(WeightsSource source, int size, int iterations, int window, boolean lowMemory) {
        this.source = source;
        this.size = size;
        this.iterations = iterations;
        this.window = window;
        this.lowMemory = lowMemory;
    }

    void run(PrintWriter out) {
        int early = 2 * window; // iterations 10-20 for a window of 10: past the first steps' set-up
        int every = Math.max(window, Math.min(100, iterations / 10));
        List<Double> seconds = new ArrayList<>(iterations);
        Memory[] memory = new Memory[2];
        long[] last = {0};
        out.println(String.format(Locale.ROOT, "Drift: %d iterations at %dx%d in one run", iterations, size, size));
        out.flush();
        ProcessInfo.resetPeak();
        StyleTransfer.builder()
                .content(BenchCommand.noiseImage(size, 1)).style(BenchCommand.noiseImage(size, 2))
                .size(size).iterations(iterations).weights(source).lowMemory(lowMemory)
                .build()
                .run((IterationEvent event) -> {
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
        double before = mean(seconds, early - window, early);
        double after = mean(seconds, iterations - window, iterations);
        out.println();
        out.println("iterations     s/iter (mean)  s/iter (median)  RSS after   JVM heap used after");
        out.println(row(early - window, early, seconds, memory[0]));
        out.println(row(iterations - window, iterations, seconds, memory[1]));
        out.println(String.format(Locale.ROOT, "change: %+.1f %% s/iter, %s RSS; peak RSS of the run %s",
                100 * (after / before - 1), rssChange(memory[0], memory[1]),
                ProcessInfo.describePeak().strip()));
        out.flush();
    }

    private static String row(int from, int to, List<Double> seconds, Memory memory) {
        List<Double> sorted = new ArrayList<>(seconds.subList(from, to));
        sorted.sort(null);
        return String.format(Locale.ROOT, "%5d-%-5d %12.3f %16.3f %12s %12s", from, to, mean(seconds, from, to),
                BenchCommand.median(sorted), megabytes(memory.residentBytes()), megabytes(memory.heapBytes()));
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
