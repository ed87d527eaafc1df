package io.github.nst4j.cli.studio;

import io.github.nst4j.StyleTransfer;
import io.github.nst4j.StyleTransferResult;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes the JSON record of a finished studio run. The command line's run record does this; it is
 * handed in so that the studio does not depend on the command line's package.
 */
@FunctionalInterface
public interface RecordWriter {
    /**
     * @param record where to write the record
     * @param settings the settings the run used, keyed by the builder method that sets each
     * @param weights how the record names the weights
     * @param transfer the run as planned
     * @param result what the run returned
     * @param elapsedMillis time from the start of the optimisation, by iteration
     * @param image the result image the record describes
     */
    void write(Path record, Map<String, Object> settings, String weights, StyleTransfer transfer,
            StyleTransferResult result, Map<Integer, Long> elapsedMillis, Path image);
}
