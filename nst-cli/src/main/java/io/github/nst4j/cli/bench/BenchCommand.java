package io.github.nst4j.cli.bench;

import io.github.nst4j.cli.common.ExitCode;
import io.github.nst4j.cli.common.WeightsOption;
import io.github.nst4j.cli.common.WeightsOptionConverter;
import io.github.nst4j.weights.download.DownloadListener;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nst bench}: seconds per optimisation step and peak memory at several sizes on the current
 * backend, for the user's own machine. Figures to read, not pass/fail checks.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        description = "Measure seconds per iteration (median after warm-up) and peak memory at several sizes.")
public final class BenchCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Mixin
    private StepTimingOptions timing;

    @Option(names = "--weights", paramLabel = "NAME|FILE", defaultValue = WeightsOption.RANDOM,
            converter = WeightsOptionConverter.class,
            description = "VGG19 weights, named or a file as for nst --weights; speed does not depend on their values.")
    private WeightsOption weights;

    @Override
    public Integer call() {
        timing.check();
        PrintWriter out = spec.commandLine().getOut();
        BackendReport.print(out);
        StepBenchmark benchmark = new StepBenchmark(weights.source(1, null, DownloadListener.NONE).cached(),
                timing.lowMemory());
        out.println();
        out.println("size      s/iter (median)  min     max     peak RSS   JVM heap used");
        for (int size : timing.sizes()) {
            ProcessInfo.resetPeak();
            List<Double> steps = benchmark.stepSeconds(size, timing.warmup(), timing.iterations(), () -> { });
            List<Double> timed = new ArrayList<>(steps.subList(timing.warmup(), steps.size()));
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
