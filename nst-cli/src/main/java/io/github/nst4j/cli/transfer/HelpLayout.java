package io.github.nst4j.cli.transfer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Help;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine;

/**
 * {@code nst --help} in the order a user looks for things: a short synopsis, the options in
 * groups, and example commands printed as written, never wrapped inside a token.
 */
public final class HelpLayout {
    /** Every option of {@code nst} by group, in help order; a test checks that none is missing. */
    static final Map<String, List<String>> GROUPS = groups();

    /** ONE DOT LEADER: looks like a dot, and line breaking treats it as part of its word. */
    private static final char KEPT_DOT = '\u2024';

    private static final String[] SYNOPSIS = {
        "nst --content FILE|DIR... --style FILE[,FILE...] --output FILE|DIR [OPTIONS]",
        "       nst --style FILE --output FILE [OPTIONS]          (the style alone: a texture)",
        "       nst bench [OPTIONS]                               (speed and memory of this machine)",
        "       nst studio [OPTIONS]                              (style transfer in the browser)",
        "       nst stats --style FILE IMAGE...                   (how far images are from a style)",
        "       nst train --style FILE --images DIR --output MODEL (a fast style model for a style)",
        "       nst apply --model MODEL --content FILE|DIR... --output FILE|DIR (one pass per photo)",
        "       nst weights [--fetch SOURCE|all | --verify]       (the pretrained weights' cache)",
        ""
    };

    private HelpLayout() {
    }

    private static Map<String, List<String>> groups() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put("Input and output", List.of("--content", "--style", "--output", "--mode", "--size", "--width",
                "--height"));
        groups.put("Optimisation", List.of("--iterations", "--optimizer", "--learning-rate", "--lbfgs-memory",
                "--init", "--init-noise-ratio", "--seed", "--scales", "--start-size", "--tolerance",
                "--tolerance-window", "--low-memory", "--max-memory", "--tile"));
        groups.put("Layers and style", List.of("--content-weight", "--style-weight", "--tv-weight", "--pooling",
                "--content-layers", "--style-layers", "--style-layer-weights", "--style-blend", "--style-masks",
                "--style-source-masks", "--style-scale",
                "--normalize-gradients"));
        groups.put("Colour", List.of("--preserve-colors"));
        groups.put("Records and animation", List.of("--save-every", "--record", "--plot", "--animate", "--resume"));
        groups.put("Weights", List.of("--weights", "--weights-preprocessing"));
        groups.put("Other", List.of("--estimate", "--stacktrace", "--help", "--version"));
        return groups;
    }

    /** Installs the synopsis, grouped options and unwrapped examples on {@code nst}'s command line. */
    public static void install(CommandLine commandLine) {
        Map<String, CommandLine.IHelpSectionRenderer> sections = commandLine.getHelpSectionMap();
        sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_SYNOPSIS,
                help -> String.join(System.lineSeparator(), SYNOPSIS) + System.lineSeparator());
        sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST_HEADING, help -> "");
        sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST, HelpLayout::groupedOptions);
        // Examples are commands to copy: printed line by line as written, whatever the terminal width.
        sections.put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_FOOTER,
                help -> String.join(System.lineSeparator(), help.commandSpec().usageMessage().footer())
                        + System.lineSeparator());
    }

    private static String groupedOptions(Help help) {
        StringBuilder text = new StringBuilder();
        GROUPS.forEach((heading, names) -> {
            Help.Layout base = help.createDefaultLayout();
            Help.Layout layout = new Help.Layout(base.colorScheme(), base.textTable(),
                    dotsKept(base.optionRenderer()), base.parameterRenderer());
            for (String name : names) {
                OptionSpec option = help.commandSpec().findOption(name);
                if (option != null) {
                    layout.addOption(option, help.createDefaultParamLabelRenderer());
                }
            }
            text.append(System.lineSeparator()).append(heading).append(':').append(System.lineSeparator())
                    .append(layout);
        });
        return text.append(System.lineSeparator()).toString().replace(KEPT_DOT, '.');
    }

    /**
     * Renders descriptions with their dots as {@link #KEPT_DOT}, which the wrapping never breaks
     * after: picocli would split "out.png.json" into "out.png. json" at the end of a line. The
     * rendered text gets its dots back.
     */
    private static Help.IOptionRenderer dotsKept(Help.IOptionRenderer renderer) {
        return (option, paramLabelRenderer, scheme) -> {
            Help.Ansi.Text[][] rows = renderer.render(option, paramLabelRenderer, scheme);
            for (Help.Ansi.Text[] row : rows) {
                int last = row.length - 1;
                row[last] = scheme.text(row[last].plainString().replace('.', KEPT_DOT));
            }
            return rows;
        };
    }
}
