package io.github.nst4j.plan;

import io.github.nst4j.error.InvalidSettingException;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.bytedeco.javacpp.Pointer;

/**
 * A rough forecast of the resident memory a run needs, so that a level too large for the memory
 * budget is cut into tiles, and a size too large even in tiles is refused before minutes of loading
 * instead of failing in the middle.
 *
 * <p>The model is a fixed {@value #BASE_BYTES} bytes (JVM, native libraries, weights), plus, per
 * pixel optimised at once (the whole image, or one tile's window), {@value #BYTES_PER_PIXEL} bytes
 * when arrays are recycled between steps or {@value #LOW_MEMORY_BYTES_PER_PIXEL} bytes when they are
 * freed at once: VGG19's activations and their gradients up to block 5 and the allocator's slack.
 * Both are peak RSS measurements rounded up; the measurements are in nst-examples/BENCHMARKS.md. A
 * tiled level also holds whole-image arrays: {@value #WHOLE_IMAGE_BYTES_PER_PIXEL} bytes per output
 * pixel (the image and content tensors, their pictures, and the result's).
 */
public final class MemoryEstimate {
    static final long BASE_BYTES = 3L << 29;
    static final long BYTES_PER_PIXEL = 4 * 1024;
    static final long LOW_MEMORY_BYTES_PER_PIXEL = 3 * 1024;
    static final long WHOLE_IMAGE_BYTES_PER_PIXEL = 40;
    /**
     * Java heap per output pixel at the peak of converting between pictures and tensors: the picture
     * (4 bytes), its packed pixels (4) and their float copy (12), with some slack.
     */
    static final long HEAP_BYTES_PER_PIXEL = 24;
    /** Share of the JVM's heap the whole-image pictures may take. */
    private static final double USABLE_HEAP_SHARE = 0.75;
    /** Share of physical memory a run may plan to use. */
    private static final double USABLE_SHARE = 0.9;

    private MemoryEstimate() {
    }

    /**
     * The budget for a run: {@code requested} bytes if positive, else what this machine and JVM allow
     * (90% of physical memory, and no more than JavaCPP's limit, which follows the JVM's -Xmx).
     *
     * @throws InvalidSettingException about {@code maxMemory} if more is requested than JavaCPP may allocate
     */
    public static long budget(long requested) {
        long physical = physicalMemory();
        long usable = physical <= 0 ? Pointer.maxPhysicalBytes()
                : Math.min((long) (physical * USABLE_SHARE), Pointer.maxPhysicalBytes());
        if (requested <= 0) {
            return usable;
        }
        InvalidSettingException.require(requested <= Pointer.maxPhysicalBytes(), "maxMemory", String.format(
                Locale.ROOT, "A memory budget of %.1f GB is more than this JVM may allocate (JavaCPP limit %.1f GB,"
                        + " which follows -Xmx); give a smaller budget or raise -Xmx", gib(requested),
                gib(Pointer.maxPhysicalBytes())));
        return requested;
    }

    /**
     * Whether a {@code width x height} image fits the budget when optimised whole; the run also keeps
     * {@code extraBytesPerPixel} of its own (the optimiser's history).
     */
    public static boolean fitsWhole(int width, int height, double extraBytesPerPixel, boolean lowMemory, long budget) {
        return BASE_BYTES + (bytesPerPixel(lowMemory) + extraBytesPerPixel) * width * height <= budget;
    }

    /**
     * The largest square window side that fits the budget beside the whole-image arrays of a
     * {@code width x height} output; 0 if none does.
     */
    public static int largestWindow(int width, int height, double extraBytesPerPixel, boolean lowMemory,
            long budget) {
        double left = budget - BASE_BYTES - WHOLE_IMAGE_BYTES_PER_PIXEL * (double) width * height;
        return left <= 0 ? 0 : (int) Math.floor(Math.sqrt(left / (bytesPerPixel(lowMemory) + extraBytesPerPixel)));
    }

    /**
     * Refuses an output that does not fit the budget even in tiles of the smallest window,
     * naming the size that would.
     *
     * @throws InvalidSettingException about the size if the run would not fit
     */
    public static void checkTiled(int width, int height, int smallestWindow, double extraBytesPerPixel,
            boolean lowMemory, long budget) {
        if (largestWindow(width, height, extraBytesPerPixel, lowMemory, budget) >= smallestWindow) {
            return;
        }
        double windowBytes = (bytesPerPixel(lowMemory) + extraBytesPerPixel) * smallestWindow * smallestWindow;
        double fitPixels = (budget - BASE_BYTES - windowBytes) / WHOLE_IMAGE_BYTES_PER_PIXEL;
        int fittingLongSide = fitPixels <= 0 ? 0
                : (int) Math.floor(Math.max(width, height) * Math.sqrt(fitPixels / ((double) width * height)));
        String advice = fittingLongSide >= 32 ? "use a size of " + fittingLongSide + " px or less, or a larger"
                + " memory budget" : "give a larger memory budget";
        throw new InvalidSettingException("size", String.format(Locale.ROOT,
                "An output of %dx%d px does not fit in %.1f GB of memory even in tiles (it needs about %.1f GB with"
                        + " tiles of %d px); %s",
                width, height, gib(budget), gib((long) (BASE_BYTES + windowBytes
                        + WHOLE_IMAGE_BYTES_PER_PIXEL * (double) width * height)), smallestWindow, advice));
    }

    /**
     * Refuses an output whose whole-image pictures would not fit in the JVM's heap (-Xmx), which
     * tiles do not help with, naming the size that would.
     *
     * @throws InvalidSettingException about the size if they would not fit
     */
    public static void checkHeap(int width, int height) {
        long heap = Runtime.getRuntime().maxMemory();
        double needed = HEAP_BYTES_PER_PIXEL * (double) width * height;
        if (needed <= heap * USABLE_HEAP_SHARE) {
            return;
        }
        int fittingLongSide = (int) Math.floor(Math.max(width, height) * Math.sqrt(heap * USABLE_HEAP_SHARE / needed));
        throw new InvalidSettingException("size", String.format(Locale.ROOT,
                "An output of %dx%d px needs about %.1f GB of Java heap for its whole-image pictures, but the JVM"
                        + " allows %.1f GB (-Xmx); use a size of %d px or less, or raise the JVM's -Xmx",
                width, height, gib((long) needed), gib(heap), fittingLongSide));
    }

    private static long bytesPerPixel(boolean lowMemory) {
        return lowMemory ? LOW_MEMORY_BYTES_PER_PIXEL : BYTES_PER_PIXEL;
    }

    private static long physicalMemory() {
        var bean = ManagementFactory.getOperatingSystemMXBean();
        return bean instanceof com.sun.management.OperatingSystemMXBean os ? os.getTotalMemorySize() : -1;
    }

    private static double gib(long bytes) {
        return bytes / (double) (1L << 30);
    }
}
