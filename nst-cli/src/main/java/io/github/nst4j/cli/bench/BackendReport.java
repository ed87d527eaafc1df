package io.github.nst4j.cli.bench;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Properties;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The ND4J backend a benchmark ran on, in three lines: the backend (device, cores, threads, BLAS,
 * helpers), the native library file (its name says the CPU variant) and the memory limits.
 */
public final class BackendReport {
    private BackendReport() {
    }

    /** Prints the report to {@code out}. */
    public static void print(PrintWriter out) {
        var environment = Nd4j.getEnvironment();
        Properties information = Nd4j.getExecutioner().getEnvironmentInformation();
        Object blas = information.getOrDefault("blas.vendor", "unknown");
        out.println(String.format(Locale.ROOT, "Backend:        %s (%s), %d cores, %d ND4J threads, %s BLAS with %s"
                + " threads, platform helpers (oneDNN/cuDNN) %s, OMP_NUM_THREADS %s",
                environment.isCPU() ? "CPU" : "GPU", Nd4j.getBackend().getClass().getSimpleName(),
                Runtime.getRuntime().availableProcessors(), environment.maxThreads(),
                blas.toString().toLowerCase(Locale.ROOT), information.getOrDefault("blas.threads", "?"),
                environment.helpersAllowed() ? "allowed" : "disabled",
                System.getenv().getOrDefault("OMP_NUM_THREADS", "unset")));
        out.println("Native library: " + ProcessInfo.loadedLibrary("libnd4j"));
        out.println("Memory limits:  JVM heap max " + (Runtime.getRuntime().maxMemory() >> 20) + " MB, javacpp maxBytes "
                + (Pointer.maxBytes() >> 20) + " MB, maxPhysicalBytes " + (Pointer.maxPhysicalBytes() >> 20) + " MB");
    }
}
