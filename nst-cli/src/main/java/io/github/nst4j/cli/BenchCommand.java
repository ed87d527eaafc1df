package io.github.nst4j.cli;

import io.github.nst4j.StyleTransfer;
import io.github.nst4j.listener.IterationEvent;
import io.github.nst4j.weights.WeightsSource;
import io.github.nst4j.weights.download.DownloadListener;
import java.awt.image.BufferedImage;
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
 * backend. Figures to read, not pass/fail checks.
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

    @Override
    public Integer call() {
        if (iterations < 1 || warmup < 0 || sizes.stream().anyMatch(size -> size < 32)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "bench needs --iterations >= 1, --warmup >= 0 and sizes of at least 32 px");
        }
        PrintWriter out = spec.commandLine().getOut();
        printEnvironment(out);
        WeightsSource source = weights.source(1, null, DownloadListener.NONE).cached();
        out.println();
        out.println("size      s/iter (median)  min     max     peak RSS   JVM heap used");
        for (int size : sizes) {
            ProcessInfo.resetPeak();
            List<Double> seconds = timeIterations(source, size);
            List<Double> timed = new ArrayList<>(seconds.subList(warmup, seconds.size()));
            timed.sort(null);
            Runtime runtime = Runtime.getRuntime();
            out.println(String.format(Locale.ROOT, "%4dx%-4d %8.3f s         %6.3f  %6.3f  %s   %d MB",
                    size, size, median(timed), timed.get(0), timed.get(timed.size() - 1),
                    ProcessInfo.describePeak(), (runtime.totalMemory() - runtime.freeMemory()) >> 20));
            out.flush();
        }
        return ExitCode.OK;
    }

    private List<Double> timeIterations(WeightsSource source, int size) {
        List<Double> seconds = new ArrayList<>();
        long[] last = {0};
        StyleTransfer.builder()
                .content(noiseImage(size, 1)).style(noiseImage(size, 2))
                .size(size).iterations(warmup + iterations).weights(source)
                .build()
                .run((IterationEvent event) -> {
                    long now = event.elapsed().toNanos();
                    seconds.add((now - last[0]) / 1e9);
                    last[0] = now;
                });
        return seconds;
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static BufferedImage noiseImage(int size, long seed) {
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
