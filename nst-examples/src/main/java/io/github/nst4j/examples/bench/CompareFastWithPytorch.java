package io.github.nst4j.examples.bench;

import io.github.nst4j.cli.bench.BackendReport;
import io.github.nst4j.cli.bench.ProcessInfo;
import io.github.nst4j.error.InvalidSettingException;
import io.github.nst4j.examples.ExampleCommandLine;
import io.github.nst4j.examples.ExampleWeights;
import io.github.nst4j.fast.FastStyleModel;
import io.github.nst4j.fast.FastStyleTrainer;
import io.github.nst4j.fast.TransformerNet;
import io.github.nst4j.fast.TransformerSize;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The fast style network in nst4j and in PyTorch ({@code fast_style_bench.py}, shipped beside this
 * class), side by side: a forward pass per image size ({@link FastStyleModel#stylize}, with its image
 * conversions, against PyTorch's network alone) and a training step at batch 4 and 256x256
 * ({@link FastStyleTrainer} against the same network, VGG19 losses and Adam in PyTorch). Medians
 * after warm-up, peak resident memory of each side per measurement; each timed nst4j step is
 * followed by one PyTorch step, so that both see the same machine load. A developer's tool.
 *
 * <pre>
 * nst-examples/run CompareFastWithPytorch --sizes 256,512,1024 --iterations 5 --train-steps 3
 * </pre>
 */
@Command(name = "CompareFastWithPytorch", mixinStandardHelpOptions = true, showDefaultValues = true,
        sortOptions = false,
        description = "Time the fast style network's inference and training step in nst4j and PyTorch, alternating.")
public final class CompareFastWithPytorch implements Callable<Integer> {
    private static final String SCRIPT = "fast_style_bench.py";
    private static final int TRAIN_BATCH = 4;
    private static final int TRAIN_CROP = 256;

    @Spec
    private CommandSpec spec;

    @Option(names = "--sizes", split = ",", paramLabel = "N[,N...]", defaultValue = "256,512,1024",
            description = "Square image sides for inference.")
    private List<Integer> sizes;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "5", description = "Timed passes per size.")
    private int iterations;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "1", description = "Untimed passes or steps first.")
    private int warmup;

    @Option(names = "--train-steps", paramLabel = "N", defaultValue = "3",
            description = "Timed training steps at batch 4, 256x256 (0 to skip training).")
    private int trainSteps;

    @Option(names = "--python", paramLabel = "PATH",
            description = "Python interpreter with torch (default: python3 on PATH, then /usr/bin/python3).")
    private String python;

    @Option(names = "--weights", paramLabel = "random|untrained|FILE", defaultValue = "random",
            description = "VGG19 weights of the nst4j training step; speed does not depend on them.")
    private String weights;

    /** One measurement of both sides; {@code torch} null when PyTorch did not run it. */
    private record Row(String what, double seconds, long peakBytes, PytorchComparison.Figures torch) {
    }

    /** The configured command line, for {@link #main} and tests. */
    public static CommandLine commandLine() {
        return ExampleCommandLine.of(new CompareFastWithPytorch());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    @Override
    public Integer call() throws IOException {
        InvalidSettingException.require(iterations >= 1, "iterations", "--iterations must be at least 1");
        InvalidSettingException.require(warmup >= 0 && trainSteps >= 0, "warmup",
                "--warmup and --train-steps must be at least 0");
        InvalidSettingException.require(sizes.stream().allMatch(size -> size >= TransformerNet.MIN_SIDE), "sizes",
                "--sizes must be at least " + TransformerNet.MIN_SIDE);
        PrintWriter out = spec.commandLine().getOut();
        BackendReport.print(out);
        out.println();
        int threads = Nd4j.getEnvironment().maxThreads();
        PytorchComparison.Setup setup = PytorchComparison.start(python, SCRIPT);
        PytorchComparison comparison = setup.comparison().orElse(null);
        out.println(comparison == null ? setup.description()
                : "PyTorch: " + setup.description() + ", " + threads + " threads (as ND4J), the same network"
                        + " (and training objective); a Python process per measurement, whose timed steps alternate"
                        + " with nst4j's.");
        out.println();
        out.flush();
        List<Row> rows = new ArrayList<>();
        try {
            FastStyleModel model = new FastStyleModel(TransformerSize.STANDARD,
                    TransformerNet.initialWeights(TransformerSize.STANDARD, 42), Map.of());
            for (int size : sizes) {
                rows.add(inference(out, model, comparison, size, threads));
            }
            if (trainSteps > 0) {
                rows.add(training(out, comparison, threads));
            }
        } finally {
            if (comparison != null) {
                comparison.close();
            }
        }
        printTable(out, rows);
        return 0;
    }

    private Row inference(PrintWriter out, FastStyleModel model, PytorchComparison comparison, int size,
            int threads) {
        String what = size + "x" + size + " inference";
        PytorchComparison.Session[] torch = {open(out, comparison, what, size, threads, "--mode", "infer")};
        BufferedImage image = noise(size, size, size);
        ProcessInfo.resetPeak();
        for (int i = 0; i < warmup; i++) {
            model.stylize(image);
        }
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < iterations; i++) {
            long start = System.nanoTime();
            model.stylize(image);
            seconds.add((System.nanoTime() - start) / 1e9);
            torchStep(out, torch, what);
        }
        long peak = ProcessInfo.peakBytes();
        Row row = new Row(what, median(seconds), peak, finish(out, torch[0], what));
        out.println(String.format(Locale.ROOT, "%-22s nst4j %.3f s%s", what, row.seconds(),
                row.torch() == null ? "" : String.format(Locale.ROOT, "   PyTorch %.3f s", row.torch().medianSeconds())));
        out.flush();
        return row;
    }

    /**
     * Training steps of {@link FastStyleTrainer} on generated images; the time of a step runs from
     * the end of the previous step's listener call (after its PyTorch step) to this one's, the first
     * step's from the start of the training loop.
     */
    private Row training(PrintWriter out, PytorchComparison comparison, int threads) throws IOException {
        String what = "training step b" + TRAIN_BATCH + " " + TRAIN_CROP;
        Path directory = Files.createTempDirectory("nst-fast-bench");
        try {
            Path images = Files.createDirectory(directory.resolve("images"));
            for (int i = 0; i < 2 * TRAIN_BATCH; i++) {
                ImageIO.write(noise(TRAIN_CROP + 32, TRAIN_CROP + 32, i), "png", images.resolve(i + ".png").toFile());
            }
            Path style = directory.resolve("style.png");
            ImageIO.write(noise(TRAIN_CROP, TRAIN_CROP, 99), "png", style.toFile());
            PytorchComparison.Session[] torch = {open(out, comparison, what, TRAIN_CROP, threads, "--mode", "train",
                    "--batch", Integer.toString(TRAIN_BATCH))};
            List<Double> seconds = new ArrayList<>();
            long[] stepStart = {0};
            ProcessInfo.resetPeak();
            FastStyleTrainer.builder().style(style).images(images).steps(warmup + trainSteps)
                    .batchSize(TRAIN_BATCH).crop(TRAIN_CROP).weights(ExampleWeights.parse(weights))
                    .listener(event -> {
                        long now = System.nanoTime();
                        if (event.step() > warmup) {
                            seconds.add(event.step() == 1 ? event.elapsed().toNanos() / 1e9
                                    : (now - stepStart[0]) / 1e9);
                            out.println(String.format(Locale.ROOT, "  nst4j training step %d: %.2f s", event.step(),
                                    seconds.get(seconds.size() - 1)));
                            out.flush();
                            torchStep(out, torch, what);
                        }
                        stepStart[0] = System.nanoTime();
                    })
                    .build().train();
            long peak = ProcessInfo.peakBytes();
            Row row = new Row(what, median(seconds), peak, finish(out, torch[0], what));
            out.println(String.format(Locale.ROOT, "%-22s nst4j %.2f s%s", what, row.seconds(),
                    row.torch() == null ? "" : String.format(Locale.ROOT, "   PyTorch %.2f s",
                            row.torch().medianSeconds())));
            out.flush();
            return row;
        } finally {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            } catch (UncheckedIOException e) {
                // A temporary file left behind is harmless.
            }
        }
    }

    private PytorchComparison.Session open(PrintWriter out, PytorchComparison comparison, String what, int size,
            int threads, String... arguments) {
        if (comparison == null) {
            return null;
        }
        try {
            return comparison.open(size, warmup, threads, arguments);
        } catch (IOException e) {
            out.println("PyTorch failed at " + what + ": " + e.getMessage());
            return null;
        }
    }

    private static void torchStep(PrintWriter out, PytorchComparison.Session[] torch, String what) {
        if (torch[0] != null) {
            try {
                torch[0].step();
            } catch (IOException e) {
                out.println("PyTorch failed at " + what + ": " + e.getMessage());
                torch[0].close();
                torch[0] = null;
            }
        }
    }

    private static PytorchComparison.Figures finish(PrintWriter out, PytorchComparison.Session torch, String what) {
        if (torch == null) {
            return null;
        }
        try {
            return torch.finish();
        } catch (IOException e) {
            out.println("PyTorch failed at " + what + ": " + e.getMessage());
            return null;
        } finally {
            torch.close();
        }
    }

    /** Uniform noise, seeded: the network's speed does not depend on the picture. */
    private static BufferedImage noise(int width, int height, long seed) {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        return image;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static void printTable(PrintWriter out, List<Row> rows) {
        out.println();
        out.println("measurement             nst4j s  PyTorch s  nst4j/PyTorch  nst4j peak RSS  PyTorch peak RSS");
        for (Row row : rows) {
            PytorchComparison.Figures torch = row.torch();
            out.println(torch == null
                    ? String.format(Locale.ROOT, "%-22s %8.3f %10s %14s %15s %17s", row.what(), row.seconds(), "-", "-",
                            megabytes(row.peakBytes()), "-")
                    : String.format(Locale.ROOT, "%-22s %8.3f %10.3f %14.2f %15s %14d MB", row.what(), row.seconds(),
                            torch.medianSeconds(), row.seconds() / torch.medianSeconds(), megabytes(row.peakBytes()),
                            torch.peakRssMb()));
        }
        rows.stream().filter(row -> row.what().startsWith("training")).findFirst().ifPresent(row -> out.println(
                String.format(Locale.ROOT, "training steps per hour: nst4j %.0f%s", 3600 / row.seconds(),
                        row.torch() == null ? "" : String.format(Locale.ROOT, ", PyTorch %.0f",
                                3600 / row.torch().medianSeconds()))));
        out.flush();
    }

    private static String megabytes(long bytes) {
        return bytes < 0 ? "?" : (bytes >> 20) + " MB";
    }
}
