package io.github.nst4j.fast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.management.OperatingSystemMXBean;
import io.github.nst4j.network.VggLayer;
import io.github.nst4j.weights.WeightsSource;
import io.github.nst4j.workaround.MallocStats;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Memory of a training over its steps: the native memory in use ({@link MallocStats}: ND4J's CPU
 * arrays are allocated by libnd4j and javacpp does not count them), the resident size (VmRSS) and
 * the Java heap, after every step.
 *
 * <p>Training used to grow by a fixed amount every step (about 850 MB at batch 4, 256x256 and the
 * standard network; 29 MB at batch 2, 128x128 and {@link #TINY}), native memory that no Java object
 * owned: libnd4j's {@code reverse} op, which {@code ReflectionPad} used, leaks on every call (see
 * {@link io.github.nst4j.workaround.ReflectionPad}).
 */
@Tag("native-memory")
class TrainingMemoryTest {
    private static final TransformerSize TINY = new TransformerSize(8, 16, 32, 1);
    /** Twice {@link #TINY}'s channels, for a leak proportional to them to stand out of the noise. */
    private static final TransformerSize SMALL = new TransformerSize(16, 32, 64, 1);
    /** Steps before the first measurement: the session's arrays and pools are allocated by then. */
    private static final int WARM_UP = 3;
    private static final int MEASURED = 6;
    /**
     * The growth allowed over {@link #MEASURED} steps at 64x64, batch 2, {@link #SMALL}: with the leak
     * they grew by about 190 MB (30 MB a step); without it the figure wanders by up to some 35 MB
     * either way and back (arrays that wait for the garbage collector and ND4J's deallocator thread,
     * the JIT's memory), without a trend.
     */
    private static final long BOUND = 50L << 20;

    @TempDir
    Path dir;

    /** Memory after a step, and time since the training began. */
    private record Sample(int step, long residentBytes, long nativeBytes, long heapBytes, long elapsedNanos,
            long cpuNanos) {
        static Sample now(int step, long elapsedNanos, boolean collect) {
            if (collect) {
                collectGarbage();
            }
            Runtime runtime = Runtime.getRuntime();
            return new Sample(step, vmRss(), MallocStats.inUseBytes(), runtime.totalMemory() - runtime.freeMemory(),
                    elapsedNanos, ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                            .getProcessCpuTime());
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT,
                    "step %3d  RSS %6d MB  native %6d MB  heap %5d MB  at %7.2f s  CPU %7.2f s", step,
                    residentBytes >> 20, nativeBytes >> 20, heapBytes >> 20, elapsedNanos / 1e9, cpuNanos / 1e9);
        }
    }

    /**
     * Native memory in use must stop growing after the first steps: over {@link #MEASURED} steps after
     * {@link #WARM_UP}, it may grow by {@link #BOUND} at most. Each figure is the smallest of three
     * consecutive steps', taken after a garbage collection, so that arrays still waiting for ND4J's
     * deallocator do not count as growth; a leak, which grows every step, counts in full.
     */
    @Test
    void nativeMemoryStaysFlatOverTrainingSteps() throws IOException {
        assumeTrue(MallocStats.inUseBytes() >= 0, "needs glibc's mallinfo2 to see native memory");
        List<Sample> samples = train(64, 2, WARM_UP + MEASURED + 1, SMALL, true);
        samples.forEach(System.out::println);

        long before = smallestNative(samples, WARM_UP - 1);
        long after = smallestNative(samples, WARM_UP + MEASURED - 1);

        assertThat(after - before).as("native growth over %d steps (MB):%n%s", MEASURED, samples.stream()
                .map(Sample::toString).reduce("", (a, b) -> a + b + System.lineSeparator())).isLessThan(BOUND);
    }

    /** The smallest native figure of steps {@code from} to {@code from + 2}. */
    private static long smallestNative(List<Sample> samples, int from) {
        return samples.stream().filter(s -> s.step() >= from && s.step() <= from + 2)
                .mapToLong(Sample::nativeBytes).min().orElseThrow();
    }

    /**
     * The harness: prints memory and time after each step. Sizes from system properties (defaults in
     * brackets): {@code nst.mem.crop} (128), {@code nst.mem.batch} (2), {@code nst.mem.steps} (8),
     * {@code nst.mem.standard} (false: {@link #TINY}), {@code nst.mem.allLayers} (false: content
     * block2_conv2, style block1-3_conv1; true: the weights' defaults), {@code nst.mem.gc} (false:
     * collect the garbage before each measurement). E.g.
     *
     * <pre>
     * mvn -o -pl nst-core test -Dtest=TrainingMemoryTest -Dexcluded.test.groups=browser \
     *     -Dnst.mem.crop=256 -Dnst.mem.batch=4 -Dnst.mem.steps=4 -Dnst.mem.standard=true
     * </pre>
     */
    @Test
    @Tag("evidence")
    void printMemoryPerStep() throws IOException {
        int crop = Integer.getInteger("nst.mem.crop", 128);
        int batch = Integer.getInteger("nst.mem.batch", 2);
        int steps = Integer.getInteger("nst.mem.steps", 8);
        TransformerSize size = Boolean.getBoolean("nst.mem.standard") ? TransformerSize.STANDARD : TINY;
        System.out.printf(Locale.ROOT, "Training %d steps, batch %d, %dx%d crops, %s%n", steps, batch, crop, crop,
                size);
        List<Sample> samples = train(crop, batch, steps, size, Boolean.getBoolean("nst.mem.gc"));
        samples.forEach(System.out::println);
        Sample first = samples.get(Math.min(2, samples.size() - 1));
        Sample last = samples.get(samples.size() - 1);
        int span = Math.max(1, last.step() - first.step());
        System.out.printf(Locale.ROOT, "per step after step %d: RSS %+.1f MB, native %+.1f MB, %.2f s, %.2f s CPU%n",
                first.step(), (last.residentBytes() - first.residentBytes()) / 1048576.0 / span,
                (last.nativeBytes() - first.nativeBytes()) / 1048576.0 / span,
                (last.elapsedNanos() - first.elapsedNanos()) / 1e9 / span,
                (last.cpuNanos() - first.cpuNanos()) / 1e9 / span);
    }

    private List<Sample> train(int crop, int batch, int steps, TransformerSize size, boolean collect)
            throws IOException {
        Path images = Files.createDirectories(dir.resolve("images"));
        Random random = new Random(1);
        for (int i = 0; i < 4; i++) {
            ImageIO.write(noise(crop + 8, crop + 4, random), "png", images.resolve("photo" + i + ".png").toFile());
        }
        ImageIO.write(noise(crop, crop, random), "png", dir.resolve("style.png").toFile());
        List<Sample> samples = new ArrayList<>();
        samples.add(Sample.now(0, 0, collect));
        FastStyleTrainer.Builder builder = FastStyleTrainer.builder()
                .style(dir.resolve("style.png"))
                .images(images)
                .steps(steps).batchSize(batch).crop(crop).size(size)
                .weights(WeightsSource.untrained(1).cached())
                .seed(3)
                .listener(event -> samples.add(Sample.now(event.step(), event.elapsed().toNanos(), collect)));
        if (!Boolean.getBoolean("nst.mem.allLayers")) {
            builder.contentLayers(EnumSet.of(VggLayer.BLOCK2_CONV2))
                    .styleLayers(Map.of(VggLayer.BLOCK1_CONV1, 1.0, VggLayer.BLOCK2_CONV1, 1.0,
                            VggLayer.BLOCK3_CONV1, 1.0));
        }
        builder.build().train();
        return samples;
    }

    /** A collection, and a moment for ND4J's deallocator thread to free what it found. */
    private static void collectGarbage() {
        System.gc();
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static BufferedImage noise(int width, int height, Random random) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, random.nextInt(0xFFFFFF));
            }
        }
        return image;
    }

    /** Resident bytes of this process (VmRSS), or -1 off Linux. */
    private static long vmRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D+", "")) << 10;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux
        }
        return -1;
    }
}
