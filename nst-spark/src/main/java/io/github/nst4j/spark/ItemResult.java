package io.github.nst4j.spark;

import io.github.nst4j.listener.LossValues;
import java.io.Serializable;

/**
 * One row of the job's report.
 *
 * @param item the work item
 * @param status what became of it
 * @param seconds wall time spent on it, reading and writing included; for a skipped item, that of the
 *     run that wrote its output
 * @param contentLoss the weighted content loss of the written image; NaN if failed or made by a model
 * @param styleLoss the weighted style loss of the written image; NaN if failed or made by a model
 * @param tvLoss the weighted total-variation loss of the written image; NaN if failed or made by a model
 * @param error the one-line reason of a failure; null otherwise
 * @param note what the job decided about an existing output (kept, or rendered again and why); null
 *     when there was none
 * @param executor the executor that ran it, as {@code id@host}
 * @param attempt the attempt number of the Spark task that ran it, from 0
 */
public record ItemResult(WorkItem item, ItemStatus status, double seconds, double contentLoss, double styleLoss,
        double tvLoss, String error, String note, String executor, int attempt) implements Serializable {
    private static final long serialVersionUID = 2L;

    /** An item whose output this run wrote; {@code losses} null when none were measured. */
    static ItemResult done(WorkItem item, double seconds, LossValues losses, String note, String executor,
            int attempt) {
        LossValues known = orUnknown(losses);
        return new ItemResult(item, ItemStatus.DONE, seconds, known.content(), known.style(),
                known.totalVariation(), null, note, executor, attempt);
    }

    /** An item whose output {@code record} says was made with the same settings and inputs. */
    static ItemResult skipped(WorkItem item, ItemRecord record, String executor, int attempt) {
        LossValues losses = orUnknown(record.losses());
        return new ItemResult(item, ItemStatus.SKIPPED, record.seconds(), losses.content(), losses.style(),
                losses.totalVariation(), null, "written earlier with the same settings and inputs; seconds"
                        + (record.losses() == null ? " are" : " and losses are") + " that run's", executor, attempt);
    }

    static ItemResult failed(WorkItem item, double seconds, String error, String executor, int attempt) {
        return new ItemResult(item, ItemStatus.FAILED, seconds, Double.NaN, Double.NaN, Double.NaN, error, null,
                executor, attempt);
    }

    private static LossValues orUnknown(LossValues losses) {
        return losses != null ? losses : new LossValues(Double.NaN, Double.NaN, Double.NaN);
    }

    /** The sum of the weighted losses; NaN if failed or made by a model. */
    public double totalLoss() {
        return contentLoss + styleLoss + tvLoss;
    }

    /** Whether this item replaced an output that other settings or inputs had made. */
    boolean replacedAnOutput() {
        return status == ItemStatus.DONE && note != null;
    }
}
