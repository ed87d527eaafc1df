package io.github.nst4j.spark;

import java.util.List;

/**
 * The job's work items, planned on the driver before any work, with what the plan had to decide
 * on the user's behalf.
 *
 * @param items the work items, each with its own output
 * @param notes one sentence per decision the user should know of, e.g. how inputs that share a
 *     name were told apart in the output names; empty when there was none
 */
record JobPlan(List<WorkItem> items, List<String> notes) {
    JobPlan {
        items = List.copyOf(items);
        notes = List.copyOf(notes);
    }
}
