package io.github.nst4j.cli.bench;

import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options of a step benchmark, shared by {@code nst bench} and the benchmark programs of
 * nst-examples: which sizes, how many timed and warm-up steps, and the memory mode.
 */
public final class StepTimingOptions {
    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--sizes", split = ",", paramLabel = "N[,N...]", hideParamSyntax = true,
            defaultValue = "128,256,512", description = "Square image sizes to measure, in pixels.")
    private List<Integer> sizes;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "5",
            description = "Timed iterations per size (the median is reported).")
    private int iterations;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "2",
            description = "Untimed iterations per size before timing.")
    private int warmup;

    @Option(names = "--low-memory",
            description = "Measure with arrays freed at once instead of recycled (as nst --low-memory).")
    private boolean lowMemory;

    /** Refuses values no benchmark can use, as a usage error of the command. */
    public void check() {
        if (iterations < 1 || warmup < 0 || sizes.stream().anyMatch(size -> size < 32)) {
            throw new ParameterException(spec.commandLine(),
                    "needs --iterations >= 1, --warmup >= 0 and sizes of at least 32 px");
        }
    }

    public List<Integer> sizes() {
        return sizes;
    }

    public int iterations() {
        return iterations;
    }

    public int warmup() {
        return warmup;
    }

    public boolean lowMemory() {
        return lowMemory;
    }
}
