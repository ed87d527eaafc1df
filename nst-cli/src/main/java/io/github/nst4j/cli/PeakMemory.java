package io.github.nst4j.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.javacpp.Pointer;

/**
 * Peak resident memory of this process. On Linux it is the kernel's high-water mark (VmHWM), which
 * can be reset between measurements; elsewhere the current physical bytes javacpp reports.
 */
final class PeakMemory {
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final Path CLEAR_REFS = Path.of("/proc/self/clear_refs");

    private PeakMemory() {
    }

    /** Starts a new peak measurement where the kernel allows it ("5" resets VmHWM). */
    static void resetPeak() {
        try {
            Files.writeString(CLEAR_REFS, "5");
        } catch (IOException | UnsupportedOperationException e) {
            // Not Linux, or not permitted: the peak then covers the whole process lifetime.
        }
    }

    /** The path of the first mapped native library whose name contains {@code name} (Linux only). */
    static String loadedLibrary(String name) {
        try (var lines = Files.lines(Path.of("/proc/self/maps"))) {
            return lines.map(line -> line.substring(line.lastIndexOf(' ') + 1)).filter(path -> path.contains(name))
                    .findFirst().orElse("(not found)");
        } catch (IOException | java.io.UncheckedIOException e) {
            return "(unknown on this system)";
        }
    }

    /** E.g. {@code "2310 MB"}, or the current resident size with a note where no peak is kept. */
    static String describePeak() {
        try {
            List<String> lines = Files.readAllLines(STATUS);
            for (String line : lines) {
                if (line.startsWith("VmHWM:")) {
                    long kilobytes = Long.parseLong(line.replaceAll("\\D+", ""));
                    return String.format("%5d MB", kilobytes >> 10);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // Fall through to javacpp's view.
        }
        return (Pointer.physicalBytes() >> 20) + " MB (now)";
    }
}
