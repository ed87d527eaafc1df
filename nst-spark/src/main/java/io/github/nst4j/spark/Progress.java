package io.github.nst4j.spark;

import java.io.Serializable;
import org.apache.spark.SparkContext;
import org.apache.spark.util.LongAccumulator;

/**
 * The items done, skipped and failed so far, as named accumulators: the Spark UI shows them on the
 * job's stage while it runs. Spark counts a task's updates once, even when the task was retried.
 */
final class Progress implements Serializable {
    private static final long serialVersionUID = 1L;

    private final LongAccumulator done;
    private final LongAccumulator skipped;
    private final LongAccumulator failed;

    Progress(SparkContext context) {
        done = context.longAccumulator("nst4j items done");
        skipped = context.longAccumulator("nst4j items skipped");
        failed = context.longAccumulator("nst4j items failed");
    }

    void count(ItemStatus status) {
        switch (status) {
            case DONE -> done.add(1);
            case SKIPPED -> skipped.add(1);
            case FAILED -> failed.add(1);
        }
    }
}
