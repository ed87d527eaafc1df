package io.github.nst4j.fast;

/**
 * What a training ends with.
 *
 * @param model the network as trained so far
 * @param steps steps taken in all, resumed ones included
 * @param stopped whether a listener stopped it before its last step
 * @param skippedImages image files skipped as unreadable or smaller than the crop
 */
public record TrainingResult(FastStyleModel model, int steps, boolean stopped, int skippedImages) {
}
