package io.github.nst4j.plan;

import io.github.nst4j.error.InvalidSettingException;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import org.bytedeco.javacpp.Pointer;

/**
 * A forecast of the peak resident memory of a run, so that a level too large for the memory budget
 * is cut into tiles, and a size too large even in tiles is refused before minutes of loading
 * instead of failing in the middle.
 *
 * <p>The model is a fitted line through measured peaks (nst-examples/BENCHMARKS.md, "Memory
 * model"), rounded up by about a tenth: a fixed {@value #BASE_BYTES} bytes (JVM, native libraries,
 * weights), plus, per pixel optimised whole, {@value #BYTES_PER_PIXEL} bytes when arrays are recycled
 * between steps or {@value #LOW_MEMORY_BYTES_PER_PIXEL} bytes when they are freed at once: VGG19's
 * activations and their gradients up to block 5 and the allocator's slack. A tile's window costs
 * more per pixel, {@value #TILE_BYTES_PER_PIXEL} bytes (a graph per tile, and what the previous
 * tile's left before it is collected), and a tiled level also holds whole-image arrays:
 * {@value #WHOLE_IMAGE_BYTES_PER_PIXEL} bytes per output pixel (the image and content tensors, their
 * pictures, and the result's).
 */
public final class MemoryEstimate {
    static final long BASE_BYTES = 640L << 20;
    static final long BYTES_PER_PIXEL = 3328;
    static final long LOW_MEMORY_BYTES_PER_PIXEL = 3072;
    static final long TILE_BYTES_PER_PIXEL = 6144;
    static final long WHOLE_IMAGE_BYTES_PER_PIXEL = 40;
    /**
     * Java heap per output pixel at the peak of converting between pictures and tensors: the picture
     * (4 bytes), its packed pixels (4) and their float copy (12), with some slack.
     */
    static final long HEAP_BYTES_PER_PIXEL = 24;
    /** Share of the JVM's heap the whole-image pictures may take. */
    private static final double USABLE_HEAP_SHARE = 0.75;
    /** A 64x64 output: the budget must allow at least that. */
    private static final long SMALLEST_OUTPUT_PIXELS = 64 * 64;
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
                Locale.ROOT, "A memory budget of %s is more than this JVM may allocate (JavaCPP limit %s,"
                        + " which follows -Xmx); give a smaller budget or raise -Xmx", size(requested),
                size(Pointer.maxPhysicalBytes())));
        long smallest = BASE_BYTES + BYTES_PER_PIXEL * SMALLEST_OUTPUT_PIXELS;
        InvalidSettingException.require(requested >= smallest, "maxMemory", String.format(Locale.ROOT,
                "A memory budget of %s is too small for any run: the network alone needs about %s; give at least %s",
                size(requested), size(BASE_BYTES), size(smallest)));
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
        return left <= 0 ? 0 : (int) Math.floor(Math.sqrt(left / (tileBytesPerPixel(lowMemory) + extraBytesPerPixel)));
    }

    /** The forecast peak of a whole {@code width x height} level. */
    public static long whole(int width, int height, double extraBytesPerPixel, boolean lowMemory) {
        return (long) (BASE_BYTES + (bytesPerPixel(lowMemory) + extraBytesPerPixel) * width * height);
    }

    /** The forecast peak of a {@code width x height} level in tiles of {@code window} px windows at most. */
    public static long tiled(int width, int height, int window, double extraBytesPerPixel, boolean lowMemory) {
        return (long) (BASE_BYTES + (tileBytesPerPixel(lowMemory) + extraBytesPerPixel) * window * window
                + WHOLE_IMAGE_BYTES_PER_PIXEL * (double) width * height);
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
        double windowBytes = (tileBytesPerPixel(lowMemory) + extraBytesPerPixel) * smallestWindow * smallestWindow;
        double shape = Math.max(width, height) / Math.sqrt((double) width * height);
        // The largest output of this shape that fits: in the smallest tiles, or whole.
        double tiledPixels = (budget - BASE_BYTES - windowBytes) / WHOLE_IMAGE_BYTES_PER_PIXEL;
        double wholePixels = (budget - BASE_BYTES) / (bytesPerPixel(lowMemory) + extraBytesPerPixel);
        int tiledSide = tiledPixels < (double) smallestWindow * smallestWindow ? 0
                : (int) Math.floor(shape * Math.sqrt(tiledPixels));
        int wholeSide = wholePixels <= 0 ? 0 : (int) Math.floor(shape * Math.sqrt(wholePixels));
        int fittingLongSide = Math.max(tiledSide, wholeSide);
        // An output within the smallest window is not cut into tiles: its need is the whole run's.
        boolean tileable = Math.max(width, height) > smallestWindow;
        String needed = tileable ? String.format(Locale.ROOT, "about %s with tiles of %d px",
                size(tiled(width, height, smallestWindow, extraBytesPerPixel, lowMemory)), smallestWindow)
                : "about " + size(whole(width, height, extraBytesPerPixel, lowMemory));
        if (fittingLongSide < 64) {
            throw new InvalidSettingException("maxMemory", String.format(Locale.ROOT,
                    "A memory budget of %s is too small for this run (an output of %dx%d px needs %s); give a"
                            + " larger memory budget", size(budget), width, height, needed));
        }
        throw new InvalidSettingException("size", String.format(Locale.ROOT,
                "An output of %dx%d px does not fit in %s of memory%s (it needs %s); use a size of %d px or less,"
                        + " or a larger memory budget", width, height, size(budget), tileable ? " even in tiles" : "",
                needed, fittingLongSide));
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
                "An output of %dx%d px needs about %s of Java heap for its whole-image pictures, but the JVM"
                        + " allows %s (-Xmx); use a size of %d px or less, or raise the JVM's -Xmx",
                width, height, size((long) needed), size(heap), fittingLongSide));
    }

    private static long bytesPerPixel(boolean lowMemory) {
        return lowMemory ? LOW_MEMORY_BYTES_PER_PIXEL : BYTES_PER_PIXEL;
    }

    /** A window's bytes per pixel: the whole image's, plus what tiling adds in the same proportion. */
    private static double tileBytesPerPixel(boolean lowMemory) {
        return bytesPerPixel(lowMemory) * TILE_BYTES_PER_PIXEL / (double) BYTES_PER_PIXEL;
    }

    /** Bytes as people read them: GB from one upward, MB below. */
    public static String size(long bytes) {
        return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GB", gib(bytes))
                : String.format(Locale.ROOT, "%d MB", Math.max(1, Math.round(bytes / (double) (1L << 20))));
    }

    private static long physicalMemory() {
        var bean = ManagementFactory.getOperatingSystemMXBean();
        return bean instanceof com.sun.management.OperatingSystemMXBean os ? os.getTotalMemorySize() : -1;
    }

    private static double gib(long bytes) {
        return bytes / (double) (1L << 30);
    }
}
