package io.github.nst4j.cli;

import java.io.PrintWriter;
import java.util.TreeMap;
import org.bytedeco.javacpp.Pointer;
import org.nd4j.linalg.factory.Nd4j;

/** The ND4J backend a benchmark ran on: threads, BLAS, helpers, native library and memory limits. */
public final class BackendReport {
    private BackendReport() {
    }

    /** Prints the report, a few lines, to {@code out}. */
    public static void print(PrintWriter out) {
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
