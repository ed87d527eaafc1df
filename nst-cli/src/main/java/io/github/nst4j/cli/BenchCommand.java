package io.github.nst4j.cli;

import io.github.nst4j.StyleTransfer;
import io.github.nst4j.listener.IterationEvent;
import io.github.nst4j.weights.WeightsSource;
import io.github.nst4j.weights.download.DownloadListener;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nst bench}: seconds per optimisation step and peak memory at several sizes on the current
 * backend, optionally beside PyTorch's for the same step ({@link PytorchComparison}), or over one
 * long run ({@link DriftBench}). Figures to read, not pass/fail checks.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        description = {"Measure seconds per iteration (median after warm-up) and peak memory at several sizes.",
            "--compare-pytorch adds PyTorch's figures for the same step; --drift checks that speed and memory "
                    + "hold over a long run."})
final class BenchCommand implements Callable<Integer> {
    private static final int DRIFT_DEFAULT_SIZE = 128;
    private static final int DRIFT_WINDOW = 10;

    @Spec
    private CommandSpec spec;

    @Option(names = "--sizes", split = ",", paramLabel = "N[,N...]", defaultValue = "128,256,512",
            description = "Square image sizes to measure, in pixels.")
    private List<Integer> sizes;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "5",
            description = "Timed iterations per size (the median is reported).")
    private int iterations;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "2",
            description = "Untimed iterations per size before timing.")
    private int warmup;

    @Option(names = "--weights", paramLabel = "zoo|random|FILE", defaultValue = WeightsOption.RANDOM,
            converter = WeightsOptionConverter.class,
            description = "VGG19 weights; speed does not depend on their values.")
    private WeightsOption weights;

    @Option(names = "--compare-pytorch",
            description = "Also run the same optimisation step in PyTorch (a Python process per size, one step after "
                    + "each timed nst4j step) and print both side by side; skipped with a note when no Python with "
                    + "torch is found.")
    private boolean comparePytorch;

    @Option(names = "--python", paramLabel = "PATH",
            description = "Python interpreter for --compare-pytorch (default: python3 on PATH, then /usr/bin/python3, "
                    + "whichever imports torch).")
    private String python;

    @Option(names = "--low-memory",
            description = "Measure with arrays freed at once instead of recycled (as nst --low-memory).")
    private boolean lowMemory;

    @Option(names = "--drift", paramLabel = "N",
            description = "Instead of the size table: run N iterations at one size (--sizes, default 128) and compare "
                    + "s/iter and memory of iterations 10-20 with those of the last ten.")
    private Integer drift;

    /** nst4j's figures for one size, and PyTorch's when they were measured alongside. */
    private record Measured(int size, double medianSeconds, long peakBytes, PytorchComparison.Figures torch) {
    }

    @Override
    public Integer call() {
        validate();
        PrintWriter out = spec.commandLine().getOut();
        printEnvironment(out);
        WeightsSource source = weights.source(1, null, DownloadListener.NONE).cached();
        out.println();
        if (drift != null) {
            int size = spec.commandLine().getParseResult().hasMatchedOption("--sizes") ? sizes.get(0) : DRIFT_DEFAULT_SIZE;
            new DriftBench(source, size, drift, DRIFT_WINDOW, lowMemory).run(out);
            return ExitCode.OK;
        }
        PytorchComparison comparison = comparePytorch ? startComparison(out) : null;
        out.println("size      s/iter (median)  min     max     peak RSS   JVM heap used");
        List<Measured> measured = new ArrayList<>();
        try {
            for (int size : sizes) {
                measured.add(measure(out, source, size, comparison));
            }
        } finally {
            if (comparison != null) {
                comparison.close();
            }
        }
        if (comparison != null) {
            printComparison(out, measured);
        }
        return ExitCode.OK;
    }

    private void validate() {
        String problem = null;
        if (iterations < 1 || warmup < 0 || sizes.stream().anyMatch(size -> size < 32)) {
            problem = "bench needs --iterations >= 1, --warmup >= 0 and sizes of at least 32 px";
        } else if (drift != null && drift < 2 * DRIFT_WINDOW + 10) {
            problem = "--drift needs at least " + (2 * DRIFT_WINDOW + 10) + " iterations";
        } else if (drift != null && spec.commandLine().getParseResult().hasMatchedOption("--sizes") && sizes.size() != 1) {
            problem = "--drift measures one size; give one, e.g. --sizes 128";
        } else if (drift != null && comparePytorch) {
            problem = "--drift and --compare-pytorch are separate measurements; run them one at a time";
        } else if (python != null && !comparePytorch) {
            problem = "--python only applies with --compare-pytorch";
        }
        if (problem != null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), problem);
        }
    }

    /** Finds PyTorch and says how it will be run, or why it will not; never fails the command. */
    private PytorchComparison startComparison(PrintWriter out) {
        PytorchComparison.Setup setup = PytorchComparison.start(python);
        if (setup.comparison().isEmpty()) {
            out.println(setup.description());
            out.println();
            return null;
        }
        out.println("PyTorch: " + setup.description() + ", " + Nd4j.getEnvironment().maxThreads()
                + " threads (as ND4J), the same objective, Adam step and warm-up; a Python process per size,"
                + " whose timed steps alternate with nst4j's so that both see the same machine load.");
        out.println();
        return setup.comparison().get();
    }

    private void printComparison(PrintWriter out, List<Measured> measured) {
        out.println();
        out.println("size      nst4j s/iter  PyTorch s/iter  nst4j/PyTorch  nst4j peak RSS  PyTorch peak RSS");
        for (Measured java : measured) {
            PytorchComparison.Figures torch = java.torch();
            out.println(torch == null
                    ? String.format(Locale.ROOT, "%4dx%-4d %10.3f %15s %14s %12s %17s", java.size(), java.size(),
                            java.medianSeconds(), "-", "-", megabytes(java.peakBytes()), "-")
                    : String.format(Locale.ROOT, "%4dx%-4d %10.3f %15.3f %14.2f %12s %14d MB", java.size(),
                            java.size(), java.medianSeconds(), torch.medianSeconds(),
                            java.medianSeconds() / torch.medianSeconds(), megabytes(java.peakBytes()),
                            torch.peakRssMb()));
        }
        out.flush();
    }

    /** Times one size and prints its row; with a comparison, PyTorch runs a step after each timed one. */
    private Measured measure(PrintWriter out, WeightsSource source, int size, PytorchComparison comparison) {
        PytorchComparison.Session torch = null;
        if (comparison != null) {
            try {
                torch = comparison.open(size, warmup, Nd4j.getEnvironment().maxThreads());
            } catch (IOException e) {
                out.println("PyTorch failed at " + size + " px: " + e.getMessage());
            }
        }
        ProcessInfo.resetPeak();
        StepTimes times = timeIterations(source, size, torch, out);
        List<Double> timed = new ArrayList<>(times.nst4j().subList(warmup, times.nst4j().size()));
        timed.sort(null);
        Runtime runtime = Runtime.getRuntime();
        Measured measured = new Measured(size, median(timed), ProcessInfo.peakBytes(), times.torch());
        out.println(String.format(Locale.ROOT, "%4dx%-4d %8.3f s         %6.3f  %6.3f  %s   %d MB",
                size, size, median(timed), timed.get(0), timed.get(timed.size() - 1),
                ProcessInfo.describePeak(), (runtime.totalMemory() - runtime.freeMemory()) >> 20));
        out.flush();
        return measured;
    }

    private static String megabytes(long bytes) {
        return bytes < 0 ? "?" : (bytes >> 20) + " MB";
    }

    /** Seconds of each nst4j step, and PyTorch's figures when it ran alongside to the end. */
    private record StepTimes(List<Double> nst4j, PytorchComparison.Figures torch) {
    }

    /**
     * Runs {@code warmup + iterations} nst4j steps. After each timed one, {@code torch} (if any) runs
     * one PyTorch step; that time is not counted as nst4j's. A PyTorch failure is reported and ends
     * the comparison for this size only.
     */
    private StepTimes timeIterations(WeightsSource source, int size, PytorchComparison.Session torch,
            PrintWriter out) {
        List<Double> seconds = new ArrayList<>();
        PytorchComparison.Session[] alongside = {torch};
        long[] stepEnd = {0};
        try {
            StyleTransfer.builder()
                    .content(noiseImage(size, 1)).style(noiseImage(size, 2))
                    .size(size).iterations(warmup + iterations).weights(source).lowMemory(lowMemory)
                    .build()
                    .run((IterationEvent event) -> {
                        // The first step counts from the start of the run, as the run's own clock does.
                        seconds.add(seconds.isEmpty() ? event.elapsed().toNanos() / 1e9
                                : (System.nanoTime() - stepEnd[0]) / 1e9);
                        if (alongside[0] != null && seconds.size() > warmup) {
                            try {
                                alongside[0].step();
                            } catch (IOException e) {
                                out.println("PyTorch failed at " + size + " px: " + e.getMessage());
                                alongside[0].close();
                                alongside[0] = null;
                            }
                        }
                        stepEnd[0] = System.nanoTime();
                    });
            return new StepTimes(seconds, alongside[0] == null ? null : alongside[0].finish());
        } catch (IOException e) {
            out.println("PyTorch failed at " + size + " px: " + e.getMessage());
            return new StepTimes(seconds, null);
        } finally {
            if (alongside[0] != null) {
                alongside[0].close();
            }
        }
    }

    static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static BufferedImage noiseImage(int size, long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                image.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        return image;
    }

    private void printEnvironment(PrintWriter out) {
        var environment = Nd4j.getEnvironment();
        out.println("Backend:        " + Nd4j.getBackend().getClass().getSimpleName()
                + " (" + (environment.isCPU() ? "CPU" : "GPU") + ")");
        out.println("Threads:        ND4J max " + environment.maxThreads() + ", master " + environment.maxMasterThreads()
                + ", cores " + Runtime.getRuntime().availableProcessors()
                + ", OMP_NUM_THREADS=" + System.getenv().getOrDefault("OMP_NUM_THREADS", "(unset)"));
        out.println("BLAS:           version " + environment.blasMajorVersion() + "." + environment.blasMinorVersion()
                + "." + environment.blasPatchVersion() + ", platform helpers (oneDNN/cuDNN) "
                + (environment.helpersAllowed() ? "allowed" : "disabled"));
        out.println("Native library: " + ProcessInfo.loadedLibrary("libnd4j"));
        new TreeMap<>(Nd4j.getExecutioner().getEnvironmentInformation())
                .forEach((key, value) -> out.println("  " + key + " = " + value));
        out.println("Memory limits:  JVM heap max " + (Runtime.getRuntime().maxMemory() >> 20) + " MB, javacpp maxBytes "
                + (Pointer.maxBytes() >> 20) + " MB, maxPhysicalBytes " + (Pointer.maxPhysicalBytes() >> 20) + " MB");
    }
}
