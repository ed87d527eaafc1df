package io.github.nst4j.cli.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nst4j.cli.NstMain;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine;

/** {@code --help}: every option in exactly one group, a short synopsis, examples that copy-paste. */
class HelpLayoutTest {
    @Test
    void everyOptionIsInExactlyOneGroup() {
        List<String> grouped = HelpLayout.GROUPS.values().stream().flatMap(List::stream).toList();
        List<String> options = NstMain.commandLine().getCommandSpec().options().stream()
                .map(OptionSpec::longestName).toList();
        assertThat(grouped).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(options);
    }

    @Test
    void synopsisIsShortAndNoDefaultIsAnEmptyList() {
        String help = usage(120);
        assertThat(help).startsWith("Usage: nst --content FILE|DIR... --style FILE[,FILE...] --output FILE|DIR")
                .doesNotContain("Default: []").doesNotContain("[,LAYER[,LAYER...]...]");
        for (String heading : HelpLayout.GROUPS.keySet()) {
            assertThat(help).contains(System.lineSeparator() + heading + ":" + System.lineSeparator());
        }
    }

    @Test
    void examplesAreNeverWrappedAtAnyWidth() {
        List<String> examples = List.of(NstMain.commandLine().getCommandSpec().usageMessage().footer());
        for (int width : new int[] {55, 80, 200}) {
            String help = usage(width);
            for (String example : examples) {
                assertThat(help).as("width %d", width).contains(example);
            }
        }
    }

    private static String usage(int width) {
        CommandLine commandLine = NstMain.commandLine();
        commandLine.setUsageHelpWidth(width);
        return commandLine.getUsageMessage(CommandLine.Help.Ansi.OFF).lines().collect(Collectors.joining(
                System.lineSeparator()));
    }

    /**
     * Descriptions are format strings: a bare % made picocli print a warning per rendering, nine for
     * one --help. Checked for nst, its subcommands, and another command holding TransferOptions (as
     * the Spark job does).
     */
    @Test
    void helpRendersWithoutFormatWarnings() {
        @Command(name = "other")
        class OtherFrontEnd {
            @Mixin
            TransferOptions transfer;
        }
        String warnings = systemErrDuring(() -> {
            CommandLine nst = NstMain.commandLine();
            nst.getUsageMessage(CommandLine.Help.Ansi.OFF);
            nst.getSubcommands().values().forEach(sub -> sub.getUsageMessage(CommandLine.Help.Ansi.OFF));
            new CommandLine(new OtherFrontEnd()).getUsageMessage(CommandLine.Help.Ansi.OFF);
        });
        assertThat(warnings).doesNotContain("picocli WARN");
        assertThat(usage(80).replaceAll("\\s*\\R\\s*", " ")).contains("default: 90% of this machine's");
    }

    /** Descriptions never break a line inside a dotted word ("plus . json", "out.png. json") at any width. */
    @Test
    void descriptionsAreNotBrokenInsideDottedWords() {
        for (int width = 55; width <= 140; width++) {
            String help = usage(width);
            assertThat(help).as("width %d", width).doesNotContainPattern("\\.\\R\\s*(json|jpg|png|npz|zip|g\\.)");
            assertThat(help.replaceAll("\\s*\\R\\s*", " ")).as("width %d", width)
                    .contains("its name with .json added (out.png.json)").contains("vgg19_dl4j_inference.zip");
        }
    }

    private static String systemErrDuring(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
