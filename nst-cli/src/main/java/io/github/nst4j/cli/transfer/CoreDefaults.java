package io.github.nst4j.cli.transfer;

import io.github.nst4j.Defaults;
import io.github.nst4j.network.VggLayer;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The defaults of the {@code nst} options that set the library's settings, taken from the library's
 * {@link Defaults} so that the two cannot drift apart; {@code --help} shows them.
 */
public final class CoreDefaults implements IDefaultValueProvider {
    private static final Map<String, String> BY_OPTION = Map.ofEntries(
            Map.entry("--size", String.valueOf(Defaults.SIZE)),
            Map.entry("--iterations", String.valueOf(Defaults.ITERATIONS)),
            Map.entry("--style-weight", String.valueOf(Defaults.STYLE_WEIGHT)),
            Map.entry("--optimizer", lower(Defaults.OPTIMIZER)),
            Map.entry("--learning-rate", String.valueOf(Defaults.LEARNING_RATE)),
            Map.entry("--lbfgs-memory", String.valueOf(Defaults.LBFGS_MEMORY)),
            Map.entry("--init-noise-ratio", String.valueOf(Defaults.INIT_NOISE_RATIO)),
            Map.entry("--seed", String.valueOf(Defaults.SEED)),
            Map.entry("--pooling", lower(Defaults.POOLING)),
            Map.entry("--style-layers", layers(Defaults.styleLayers().keySet())),
            Map.entry("--style-scale", String.valueOf(Defaults.STYLE_SCALE)),
            Map.entry("--preserve-colors", lower(Defaults.COLORS)),
            Map.entry("--scales", String.valueOf(Defaults.LEVELS)),
            Map.entry("--tolerance", String.valueOf(Defaults.TOLERANCE)),
            Map.entry("--tolerance-window", String.valueOf(Defaults.TOLERANCE_WINDOW)));

    @Override
    public String defaultValue(ArgSpec argSpec) {
        return argSpec instanceof OptionSpec option ? BY_OPTION.get(option.longestName()) : null;
    }

    /** Whether {@code option} takes its default from the library. */
    static boolean covers(String option) {
        return BY_OPTION.containsKey(option);
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static String layers(Collection<VggLayer> layers) {
        return layers.stream().map(VggLayer::layerName).collect(Collectors.joining(","));
    }
}
