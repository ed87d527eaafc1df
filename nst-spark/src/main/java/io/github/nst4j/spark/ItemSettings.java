package io.github.nst4j.spark;

import io.github.nst4j.cli.transfer.CoreDefaults;
import io.github.nst4j.cli.transfer.TransferOptions;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine;

/**
 * The settings of one work item: the job's common settings, then the item's overrides, read by the
 * {@code nst} command's own {@link TransferOptions} with its {@link CoreDefaults}, so that a
 * manifest column or JSON key takes the same name, values and defaults as the option.
 */
final class ItemSettings {
    private ItemSettings() {
    }

    /**
     * Parses {@code --option=value} arguments; a later value overrides an earlier one.
     *
     * @throws CommandLine.ParameterException naming the option at fault
     */
    static TransferOptions parse(List<String> arguments) {
        Holder holder = new Holder();
        CommandLine commandLine = new CommandLine(holder);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setOverwrittenOptionsAllowed(true);
        commandLine.parseArgs(arguments.toArray(String[]::new));
        holder.options.check();
        return holder.options;
    }

    /** Just the transfer options, with the library's defaults. */
    @Command(defaultValueProvider = CoreDefaults.class)
    private static final class Holder {
        @Mixin
        TransferOptions options;
    }
}
