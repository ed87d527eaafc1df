package io.github.nst4j.spark;

import io.github.nst4j.listener.LossValues;
import java.io.Serializable;

/**
 * One row of the job's report.
 *
 * @param item the work item
 * @param status what became of it
 * @param seconds wall time spent on it, reading and writing included
 * @param contentLoss the weighted content loss of the written image; NaN unless done
 * @param styleLoss the weighted style loss of the written image; NaN unless done
 * @param tvLoss the weighted total-variation loss of the written image; NaN unless done
 * @param error the one-line reason of a failure; null otherwise
 * @param executor the executor that ran it, as {@code id@host}
 * @param attempt the attempt number of the Spark task that ran it, from 0
 */
public record ItemResult(WorkItem item, ItemStatus status, double seconds, double contentLoss, double styleLoss,
        double tvLoss, String error, String executor, int attempt) implements Serializable {
    private static final long serialVersionUID = 1L;

    static ItemResult done(WorkItem item, double seconds, LossValues losses, String executor, int attempt) {
        return new ItemResult(item, ItemStatus.DONE, seconds, losses.content(), losses.style(),
                losses.totalVariation(), null, executor, attempt);
    }

    static ItemResult skipped(WorkItem item, double seconds, String executor, int attempt) {
        return new ItemResult(item, ItemStatus.SKIPPED, seconds, Double.NaN, Double.NaN, Double.NaN, null, executor,
                attempt);
    }

    static ItemResult failed(WorkItem item, double seconds, String error, String executor, int attempt) {
        return new ItemResult(item, ItemStatus.FAILED, seconds, Double.NaN, Double.NaN, Double.NaN, error, executor,
                attempt);
    }

    /** The sum of the weighted losses; NaN unless done. */
    public double totalLoss() {
        return contentLoss + styleLoss + tvLoss;
    }
}
