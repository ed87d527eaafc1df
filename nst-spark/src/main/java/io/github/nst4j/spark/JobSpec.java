package io.github.nst4j.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.broadcast.Broadcast;

/**
 * What every task needs besides its items.
 *
 * @param commonArguments the job's transfer options as {@code --option=value} arguments (with
 *     {@code --model}, at most {@code --size})
 * @param weights the {@code --weights} choice; null with {@code --model}
 * @param model the {@code --model} file as the driver read and checked it; null for style transfers
 * @param failFirstAttemptOf for tests only: the output file name whose first task attempt fails just
 *     before its output is renamed into place; null normally
 */
record JobSpec(List<String> commonArguments, WeightsChoice weights, Broadcast<ShippedModel> model,
        String failFirstAttemptOf) implements Serializable {
    private static final long serialVersionUID = 2L;

    JobSpec {
        commonArguments = List.copyOf(commonArguments);
    }

    /** The arguments that set {@code item}'s options: the common ones, then its own. */
    List<String> argumentsFor(WorkItem item) {
        List<String> arguments = new ArrayList<>(commonArguments);
        arguments.addAll(item.overrides());
        return arguments;
    }
}
