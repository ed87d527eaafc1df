package io.github.nst4j.spark;

/** What became of a work item. */
public enum ItemStatus {
    /** Its output was written by this run. */
    DONE,
    /** Its output existed already (an earlier run, or an earlier attempt of the same task). */
    SKIPPED,
    /** It could not be done; the report says why. */
    FAILED
}
