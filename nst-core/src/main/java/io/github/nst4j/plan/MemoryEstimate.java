package io.github.nst4j.plan;

import io.github.nst4j.error.InvalidSettingException;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.bytedeco.javacpp.Pointer;

/**
 * A rough forecast of the resident memory a run needs, so that a size too large for the machine
 * is refused before minutes of loading instead of failing in the middle.
 *
 * <p>The model is a fixed {@value #BASE_BYTES} bytes (JVM, native libraries, weights) plus, per
 * output pixel, {@value #BYTES_PER_PIXEL} bytes when arrays are recycled between steps or
 * {@value #LOW_MEMORY_BYTES_PER_PIXEL} bytes when they are freed at once: VGG19's activations and
 * their gradients up to block 5 and the allocator's slack. Both are peak RSS measurements rounded
 * up; the measurements are in nst-examples/BENCHMARKS.md.
 */
public final class MemoryEstimate {
    static final long BASE_BYTES = 3L << 29;
    static final long BYTES_PER_PIXEL = 4 * 1024;
    static final long LOW_MEMORY_BYTES_PER_PIXEL = 3 * 1024;
    /** Share of physical memory a run may plan to use. */
    private static final double USABLE_SHARE = 0.9;

    private MemoryEstimate() {
    }

    /** Forecast peak resident bytes for a {@code width x height} output. */
    private static long bytesFor(long width, long height, boolean lowMemory) {
        return BASE_BYTES + bytesPerPixel(lowMemory) * width * height;
    }

    private static long bytesPerPixel(boolean lowMemory) {
        return lowMemory ? LOW_MEMORY_BYTES_PER_PIXEL : BYTES_PER_PIXEL;
    }

    /**
     * Refuses a size whose forecast exceeds the machine's memory, naming the size that fits. The
     * run also keeps {@code extraBytes} of its own (the optimiser's history), and recycles its
     * arrays between steps or, with {@code lowMemory}, frees them at once.
     *
     * @throws InvalidSettingException about the size if the run would not fit
     */
    public static void check(int width, int height, long extraBytes, boolean lowMemory) {
        long physical = physicalMemory();
        if (physical <= 0) {
            return; // unknown: do not guess
        }
        // JavaCPP refuses native allocations beyond maxPhysicalBytes (by default tied to -Xmx).
        long usable = Math.min((long) (physical * USABLE_SHARE), Pointer.maxPhysicalBytes());
        long needed = bytesFor(width, height, lowMemory) + extraBytes;
        if (needed <= usable) {
            return;
        }
        double perPixel = bytesPerPixel(lowMemory) + extraBytes / ((double) width * height);
        double fitScale = Math.sqrt(Math.max(0, usable - BASE_BYTES) / (perPixel * width * height));
        int fittingLongSide = (int) Math.floor(Math.max(width, height) * fitScale);
        String advice = fittingLongSide >= 32 ? "use a size of " + fittingLongSide + " px or less"
                : "this machine cannot run even the smallest size";
        throw new InvalidSettingException("size", String.format(Locale.ROOT,
                "An output of %dx%d px needs about %.1f GB of memory but only %.1f GB is usable"
                        + " (physical %.1f GB, JavaCPP limit %.1f GB, which follows the JVM's -Xmx); %s",
                width, height, gib(needed), gib(usable), gib(physical), gib(Pointer.maxPhysicalBytes()), advice));
    }

    private static long physicalMemory() {
        var bean = ManagementFactory.getOperatingSystemMXBean();
        return bean instanceof com.sun.management.OperatingSystemMXBean os ? os.getTotalMemorySize() : -1;
    }

    private static double gib(long bytes) {
        return bytes / (double) (1L << 30);
    }
}
