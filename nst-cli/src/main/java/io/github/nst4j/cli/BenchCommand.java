package io.github.nst4j.cli;

import io.github.nst4j.weights.WeightsSource;
import io.github.nst4j.weights.download.DownloadListener;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nst bench}: seconds per optimisation step and peak memory at several sizes on the current
 * backend, for the user's own machine. Figures to read, not pass/fail checks.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        description = "Measure seconds per iteration (median after warm-up) and peak memory at several sizes.")
final class BenchCommand implements Callable<Integer> {
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

    @Option(names = "--low-memory",
            description = "Measure with arrays freed at once instead of recycled (as nst --low-memory).")
    private boolean lowMemory;

    @Override
    public Integer call() {
        if (iterations < 1 || warmup < 0 || sizes.stream().anyMatch(size -> size < 32)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "bench needs --iterations >= 1, --warmup >= 0 and sizes of at least 32 px");
        }
        PrintWriter out = spec.commandLine().getOut();
        BackendReport.print(out);
        StepBenchmark benchmark = new StepBenchmark(weights.source(1, null, DownloadListener.NONE).cached(), lowMemory);
        out.println();
        out.println("size      s/iter (median)  min     max     peak RSS   JVM heap used");
        for (int size : sizes) {
            ProcessInfo.resetPeak();
            List<Double> steps = benchmark.stepSeconds(size, warmup, iterations, () -> { });
            List<Double> timed = new ArrayList<>(steps.subList(warmup, steps.size()));
            timed.sort(null);
            Runtime runtime = Runtime.getRuntime();
            out.println(String.format(Locale.ROOT, "%4dx%-4d %8.3f s         %6.3f  %6.3f  %s   %d MB",
                    size, size, StepBenchmark.median(timed), timed.get(0), timed.get(timed.size() - 1),
                    ProcessInfo.describePeak(), (runtime.totalMemory() - runtime.freeMemory()) >> 20));
            out.flush();
        }
        return ExitCode.OK;
    }
}
