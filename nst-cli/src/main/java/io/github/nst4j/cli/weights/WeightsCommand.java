package io.github.nst4j.cli.weights;

import io.github.nst4j.cli.common.ExitCode;
import io.github.nst4j.error.NstException;
import io.github.nst4j.weights.PretrainedWeights;
import io.github.nst4j.weights.WeightsCache;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code nst weights}: what of the pretrained weights is cached (path, size, SHA-256), fetching a
 * source ahead of time for a machine that goes offline later, and verifying the cached copies.
 */
@Command(name = "weights", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"List the pretrained VGG19 weights nst can download (zoo, keras, torchvision) and which are"
                + " cached: each as its convolution layers alone (~80 MB), with its path, size and SHA-256.",
            "nst --weights pretrained (the default) uses any cached one with no download."},
        footerHeading = "%nExamples:%n",
        footer = {"  nst weights", "  nst weights --fetch keras", "  nst weights --verify"})
public final class WeightsCommand implements Callable<Integer> {
    private static final double MB = 1024 * 1024;
    private static final String ALL = "all";

    @Spec
    private CommandSpec spec;

    @Option(names = "--fetch", paramLabel = "SOURCE|all",
            description = "Download zoo, keras or torchvision (or all three) into the cache now, unless a sound copy"
                    + " is there.")
    private String fetch;

    @Option(names = "--verify", description = "Read every cached copy back (each byte against its zip CRC-32, then"
            + " its layers) and say OK or damaged; exit code 1 when one is damaged.")
    private boolean verify;

    private final WeightsCache cache;

    /** @param cache the cache to list, fill and verify */
    public WeightsCommand(WeightsCache cache) {
        this.cache = cache;
    }

    @Override
    public Integer call() {
        if (fetch != null && verify) {
            throw new ParameterException(spec.commandLine(), "--fetch and --verify are separate runs; give one");
        }
        if (fetch != null) {
            return fetch(sources(fetch));
        }
        return verify ? verify() : list();
    }

    private List<PretrainedWeights> sources(String value) {
        String word = value.trim().toLowerCase(Locale.ROOT);
        if (word.equals(ALL)) {
            return List.of(PretrainedWeights.values());
        }
        return Arrays.stream(PretrainedWeights.values()).filter(which -> which.id().equals(word)).findFirst()
                .map(List::of).orElseThrow(() -> new ParameterException(spec.commandLine(), "--fetch: choose "
                        + Arrays.stream(PretrainedWeights.values()).map(PretrainedWeights::id)
                                .collect(Collectors.joining(", ")) + " or all, not '" + value + "'"));
    }

    private int list() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Pretrained VGG19 weights in " + cache.directory() + ":");
        for (PretrainedWeights which : PretrainedWeights.values()) {
            Path compact = cache.compactFile(which);
            out.println(Files.exists(compact) ? cachedLine(which, compact)
                    : String.format(Locale.ROOT, "%-12s %-7s %s (nst weights --fetch %s)", which.id(), "missing",
                            compact, which.id()));
        }
        return ExitCode.OK;
    }

    private int fetch(List<PretrainedWeights> sources) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean failed = false;
        for (PretrainedWeights which : sources) {
            try {
                Path compact = cache.fetch(which, new DownloadProgress(err, System.console() != null));
                out.println(cachedLine(which, compact));
            } catch (NstException e) {
                err.println("nst: error: " + e.getMessage());
                failed = true;
            }
            out.flush();
        }
        return failed ? ExitCode.FAILURE : ExitCode.OK;
    }

    private int verify() {
        PrintWriter out = spec.commandLine().getOut();
        boolean damaged = false;
        for (PretrainedWeights which : PretrainedWeights.values()) {
            Path compact = cache.compactFile(which);
            if (!Files.exists(compact)) {
                out.println(String.format(Locale.ROOT, "%-12s not cached", which.id()));
                continue;
            }
            try {
                cache.verify(which);
                out.println(String.format(Locale.ROOT, "%-12s OK       %s", which.id(), compact));
            } catch (NstException e) {
                damaged = true;
                out.println(String.format(Locale.ROOT, "%-12s damaged  %s (nst weights --fetch %s replaces it)",
                        which.id(), e.getMessage(), which.id()));
            }
            out.flush();
        }
        return damaged ? ExitCode.FAILURE : ExitCode.OK;
    }

    /** "keras  cached  80.1 MB  sha256 ...  /path/vgg19_keras_conv_caffe.npz". */
    private static String cachedLine(PretrainedWeights which, Path compact) {
        try {
            return String.format(Locale.ROOT, "%-12s %-7s %6.1f MB  sha256 %s  %s", which.id(), "cached",
                    Files.size(compact) / MB, FileDigest.sha256Hex(compact), compact);
        } catch (IOException e) {
            throw new NstException("Cannot read the cached " + which.id() + " weights " + compact + ": "
                    + e.getMessage(), e);
        }
    }
}
