package io.github.nst4j.cli.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nst4j.Defaults;
import io.github.nst4j.cli.NstMain;
import io.github.nst4j.network.VggLayer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine;

/** The options' defaults are the library's, and {@code --help} shows them. */
class OptionDefaultsTest {
    private static CommandSpec parsed(String... args) {
        CommandLine commandLine = NstMain.commandLine();
        commandLine.parseArgs(args);
        return commandLine.getCommandSpec();
    }

    private static Object value(CommandSpec spec, String option) {
        return spec.findOption(option).getValue();
    }

    @Test
    void unsetOptionsTakeTheLibrarysDefaults() {
        CommandSpec spec = parsed("--content", "a.png", "--style", "b.png", "--output", "o.png");

        assertThat(value(spec, "--size")).isEqualTo(Defaults.SIZE);
        assertThat(value(spec, "--iterations")).isEqualTo(Defaults.ITERATIONS);
        // Unset: the library picks these for the weights (WeightsSource.runDefaults).
        assertThat(value(spec, "--content-weight")).isNull();
        assertThat(value(spec, "--content-layers")).isNull();
        assertThat(value(spec, "--tv-weight")).isNull();
        assertThat(value(spec, "--style-weight")).isEqualTo(Defaults.STYLE_WEIGHT);
        assertThat(value(spec, "--normalize-gradients")).isNull();
        assertThat(value(spec, "--optimizer")).isEqualTo(Defaults.OPTIMIZER);
        assertThat(value(spec, "--learning-rate")).isEqualTo(Defaults.LEARNING_RATE);
        assertThat(value(spec, "--lbfgs-memory")).isEqualTo(Defaults.LBFGS_MEMORY);
        assertThat(value(spec, "--init-noise-ratio")).isEqualTo(Defaults.INIT_NOISE_RATIO);
        assertThat(value(spec, "--seed")).isEqualTo(Defaults.SEED);
        assertThat(value(spec, "--pooling")).isEqualTo(Defaults.POOLING);
        assertThat(value(spec, "--style-scale")).isEqualTo(Defaults.STYLE_SCALE);
        assertThat(value(spec, "--preserve-colors")).isEqualTo(Defaults.COLORS);
        assertThat(value(spec, "--scales")).isEqualTo(Defaults.LEVELS);
        assertThat(value(spec, "--style-layers")).isEqualTo(List.copyOf(Defaults.styleLayers().keySet()));
    }

    @Test
    void givenValuesOverrideTheDefaults() {
        CommandSpec spec = parsed("--style", "b.png", "--output", "o.png", "--size", "300", "--optimizer", "LBFGS",
                "--style-layers", "block2_conv1,block3_conv1", "--tv-weight", "0");

        assertThat(value(spec, "--size")).isEqualTo(300);
        assertThat(value(spec, "--optimizer")).isEqualTo(io.github.nst4j.Optimizer.LBFGS);
        assertThat(value(spec, "--style-layers")).isEqualTo(List.of(VggLayer.BLOCK2_CONV1, VggLayer.BLOCK3_CONV1));
        assertThat(value(spec, "--tv-weight")).isEqualTo(0.0);
    }

    @Test
    void helpShowsEachLibraryDefault() {
        // Long defaults wrap; joined again they must read as the library's value.
        String help = NstMain.commandLine().getUsageMessage(CommandLine.Help.Ansi.OFF).replaceAll(",\\s+", ",");
        Map<String, String> shown = Map.of("--size", "Default: " + Defaults.SIZE,
                "--iterations", "Default: " + Defaults.ITERATIONS,
                "--style-weight", "Default: " + Defaults.STYLE_WEIGHT,
                "--tv-weight", "Default: " + Defaults.TV_WEIGHT + " (0 with --weights untrained)",
                "--optimizer", "Default: adam",
                "--style-layers", "Default: block1_conv1,block2_conv1,block3_conv1,block4_conv1,block5_conv1");
        shown.forEach((option, text) -> assertThat(help).as(option).contains(text));
    }
}
