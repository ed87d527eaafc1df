package io.github.nst4j.examples.bench;

import io.github.nst4j.cli.bench.BackendReport;
import io.github.nst4j.cli.bench.ProcessInfo;
import io.github.nst4j.cli.bench.StepBenchmark;
import io.github.nst4j.cli.bench.StepTimingOptions;
import io.github.nst4j.examples.ExampleCommandLine;
import io.github.nst4j.examples.ExampleWeights;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * The same optimisation step in nst4j and in PyTorch, side by side: seconds per step (median after
 * warm-up) and peak resident memory per size. Each timed nst4j step is followed by one PyTorch step,
 * so both tools are timed under the same machine load. A developer's tool, kept out of the CLI.
 *
 * <pre>
 * nst-examples/run CompareWithPytorch --sizes 128,256,512 --iterations 9
 * </pre>
 */
@Command(name = "CompareWithPytorch", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        description = "Time the same style-transfer step in nst4j and PyTorch, alternating step by step.")
public final class CompareWithPytorch implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private StepTimingOptions timing;

    @Option(names = "--python", paramLabel = "PATH",
            description = "Python interpreter with torch (default: python3 on PATH, then /usr/bin/python3).")
    private String python;

    @Option(names = "--weights", paramLabel = "random|zoo|FILE", defaultValue = "random",
            description = "nst4j's VGG19 weights; speed does not depend on their values (PyTorch uses random ones).")
    private String weights;

    /** Figures of one size: nst4j's, and PyTorch's when it ran to the end. */
    private record Row(int size, double nst4jSeconds, long nst4jPeakBytes, PytorchComparison.Figures torch) {
    }

    /** The configured command line, for {@link #main} and tests. */
    public static CommandLine commandLine() {
        return ExampleCommandLine.of(new CompareWithPytorch());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    @Override
    public Integer call() {
        timing.check();
        PrintWriter out = spec.commandLine().getOut();
        BackendReport.print(out);
        out.println();
        PytorchComparison.Setup setup = PytorchComparison.start(python);
        PytorchComparison comparison = setup.comparison().orElse(null);
        out.println(comparison == null ? setup.description()
                : "PyTorch: " + setup.description() + ", " + Nd4j.getEnvironment().maxThreads()
                        + " threads (as ND4J), the same objective, Adam step and warm-up; a Python process per size,"
                        + " whose timed steps alternate with nst4j's so that both see the same machine load.");
        out.println();
        StepBenchmark benchmark = new StepBenchmark(ExampleWeights.parse(weights).cached(), timing.lowMemory());
        List<Row> rows = new ArrayList<>();
        try {
            for (int size : timing.sizes()) {
                rows.add(measure(out, benchmark, comparison, size));
            }
        } finally {
            if (comparison != null) {
                comparison.close();
            }
        }
        printTable(out, rows);
        return 0;
    }

    /** Times one size; with PyTorch available, a PyTorch step runs after each timed nst4j step. */
    private Row measure(PrintWriter out, StepBenchmark benchmark, PytorchComparison comparison, int size) {
        PytorchComparison.Session[] torch = {null};
        if (comparison != null) {
            try {
                torch[0] = comparison.open(size, timing.warmup(), Nd4j.getEnvironment().maxThreads());
            } catch (IOException e) {
                out.println("PyTorch failed at " + size + " px: " + e.getMessage());
            }
        }
        ProcessInfo.resetPeak();
        List<Double> steps;
        try {
            steps = benchmark.stepSeconds(size, timing.warmup(), timing.iterations(), () -> {
                if (torch[0] != null) {
                    try {
                        torch[0].step();
                    } catch (IOException e) {
                        out.println("PyTorch failed at " + size + " px: " + e.getMessage());
                        torch[0].close();
                        torch[0] = null;
                    }
                }
            });
        } catch (RuntimeException e) {
            if (torch[0] != null) {
                torch[0].close();
            }
            throw e;
        }
        PytorchComparison.Figures figures = torch[0] == null ? null : finish(out, torch[0], size);
        List<Double> timed = new ArrayList<>(steps.subList(timing.warmup(), steps.size()));
        timed.sort(null);
        out.println(String.format(Locale.ROOT, "%4dx%-4d nst4j %.3f s/iter", size, size, StepBenchmark.median(timed)));
        out.flush();
        return new Row(size, StepBenchmark.median(timed), ProcessInfo.peakBytes(), figures);
    }

    /** PyTorch's figures for the steps it ran, or null (said in one line) when it failed at the end. */
    private static PytorchComparison.Figures finish(PrintWriter out, PytorchComparison.Session torch, int size) {
        try {
            return torch.finish();
        } catch (IOException e) {
            out.println("PyTorch failed at " + size + " px: " + e.getMessage());
            return null;
        } finally {
            torch.close();
        }
    }

    private static void printTable(PrintWriter out, List<Row> rows) {
        out.println();
        out.println("size      nst4j s/iter  PyTorch s/iter  nst4j/PyTorch  nst4j peak RSS  PyTorch peak RSS");
        for (Row row : rows) {
            PytorchComparison.Figures torch = row.torch();
            out.println(torch == null
                    ? String.format(Locale.ROOT, "%4dx%-4d %10.3f %15s %14s %12s %17s", row.size(), row.size(),
                            row.nst4jSeconds(), "-", "-", megabytes(row.nst4jPeakBytes()), "-")
                    : String.format(Locale.ROOT, "%4dx%-4d %10.3f %15.3f %14.2f %12s %14d MB", row.size(),
                            row.size(), row.nst4jSeconds(), torch.medianSeconds(),
                            row.nst4jSeconds() / torch.medianSeconds(), megabytes(row.nst4jPeakBytes()),
                            torch.peakRssMb()));
        }
        out.flush();
    }

    private static String megabytes(long bytes) {
        return bytes < 0 ? "?" : (bytes >> 20) + " MB";
    }
}
