package io.github.nst4j.cli.transfer;

import java.util.ArrayList;
import java.util.List;

/** Which jobs of a batch were written and which failed, for the summary line at its end. */
final class BatchOutcome {
    private int written;
    private final List<String> failures = new ArrayList<>();

    void written() {
        written++;
    }

    /**
     * Records a failed job with the first clause of its error message.
     *
     * @return {@code exitCode}, for the caller to return
     */
    int failed(BatchPlan.Job job, String message, int exitCode) {
        int end = message.indexOf(';');
        failures.add(job.label() + " (" + (end < 0 ? message : message.substring(0, end)) + ")");
        return exitCode;
    }

    boolean failed() {
        return !failures.isEmpty();
    }

    /** E.g. {@code 4 written, 1 failed: photo.jpg x starry_night.jpg (Not an image: photo.jpg)}. */
    String summary() {
        return written + " written, " + failures.size() + " failed" + (failures.isEmpty() ? "" : ": "
                + String.join(", ", failures));
    }
}
