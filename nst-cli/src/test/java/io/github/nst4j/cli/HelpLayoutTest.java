package io.github.nst4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

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
}
