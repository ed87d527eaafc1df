package io.github.nst4j.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.javacpp.Pointer;

/**
 * What this process can tell about itself on Linux: its resident memory now (VmRSS) and at its
 * peak (VmHWM, which can be reset between measurements), and the native libraries it mapped.
 * Elsewhere it falls back to javacpp's view or says it does not know. Public for the benchmark
 * programs of nst-examples.
 */
public final class ProcessInfo {
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

    private ProcessInfo() {
    }

    /** Starts a new peak measurement where the kernel allows it ("5" resets VmHWM). */
    public static void resetPeak() {
        try {
            Files.writeString(CLEAR_REFS, "5");
        } catch (IOException | UnsupportedOperationException e) {
            // Not Linux, or not permitted: the peak then covers the whole process lifetime.
        }
    }

    /** The path of the first mapped native library whose name contains {@code name} (Linux only). */
    public static String loadedLibrary(String name) {
        try (var lines = Files.lines(Path.of("/proc/self/maps"))) {
            return lines.map(line -> line.substring(line.lastIndexOf(' ') + 1)).filter(path -> path.contains(name))
                    .findFirst().orElse("(not found)");
        } catch (IOException | java.io.UncheckedIOException e) {
            return "(unknown on this system)";
        }
    }

    /** Peak resident bytes of this process (VmHWM), or -1 where the system does not say. */
    public static long peakBytes() {
        return statusBytes("VmHWM:");
    }

    /** Resident bytes of this process now (VmRSS), or -1 where the system does not say. */
    public static long residentBytes() {
        return statusBytes("VmRSS:");
    }

    private static long statusBytes(String field) {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("\\D+", "")) << 10;
                }
            }
        } catch (IOException | NumberFormatException e) {
            // Not Linux: fall through.
        }
        return -1;
    }

    /** E.g. {@code " 2310 MB"}, or the current resident size with a note where no peak is kept. */
    public static String describePeak() {
        long peak = peakBytes();
        return peak >= 0 ? String.format("%5d MB", peak >> 20) : (Pointer.physicalBytes() >> 20) + " MB (now)";
    }
}
