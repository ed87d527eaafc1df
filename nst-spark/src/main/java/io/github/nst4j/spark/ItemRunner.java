package io.github.nst4j.spark;

import io.github.nst4j.cli.common.SettingFlags;
import io.github.nst4j.error.InvalidSettingException;
import io.github.nst4j.error.NstException;
import java.io.IOException;

/**
 * Runs one work item on an executor (a style transfer, or a model's forward pass with {@code --model})
 * and says what became of it: skipped when its output exists and its {@link ItemRecord} has the item's
 * fingerprint (the same settings and inputs), failed with a one-line reason when the item is bad, done
 * when its output was written, replacing an output that other settings made.
 */
final class ItemRunner {
    private final JobSpec spec;
    private final HadoopFiles files;
    private final TaskInfo task;

    /** Where the item runs: which executor, which attempt of its task. */
    record TaskInfo(String executor, int attempt, String attemptId) {
    }

    ItemRunner(JobSpec spec, HadoopFiles files, TaskInfo task) {
        this.spec = spec;
        this.files = files;
        this.task = task;
    }

    ItemResult run(WorkItem item) {
        long start = System.nanoTime();
        try {
            Rendering rendering = spec.model() == null ? TransferRendering.prepare(spec, item, files)
                    : ModelRendering.prepare(spec, item, files);
            long fingerprint = rendering.fingerprint();
            ItemRecord earlier = recordOf(item.output());
            if (earlier != null && earlier.fingerprint() == fingerprint) {
                return ItemResult.skipped(item, earlier, task.executor(), task.attempt());
            }
            String replacing = !files.exists(item.output()) ? null : earlier == null
                    ? "rendered again: the existing output had no record of the settings that made it"
                    : "rendered again: the existing output was made with other settings or inputs";
            Rendering.Rendered result = rendering.render();
            boolean written = files.writeImage(result.image(), item.output(), task.attemptId(),
                    () -> makeWay(item, fingerprint));
            if (!written) {
                return ItemResult.skipped(item, recordOf(item.output()), task.executor(), task.attempt());
            }
            double seconds = seconds(start);
            files.writeText(ItemRecord.uriFor(item.output()),
                    new ItemRecord(fingerprint, seconds, result.losses()).text(item, rendering.settings()));
            return ItemResult.done(item, seconds, result.losses(), replacing, task.executor(), task.attempt());
        } catch (InvalidSettingException e) {
            return failed(item, start, SettingFlags.describe(e));
        } catch (NstException e) {
            return failed(item, start, e.getMessage());
        } catch (IOException e) {
            return failed(item, start, "Cannot read or write beside " + item.output() + ": " + e.getMessage());
        } catch (OutOfMemoryError e) {
            return failed(item, start, "Out of memory (" + e.getMessage() + "); raise"
                    + " spark.executor.memoryOverhead or use a smaller --size");
        }
    }

    /** The record of an existing output; null when the output or its record is missing or unreadable. */
    private ItemRecord recordOf(String output) throws IOException {
        String text = files.exists(output) ? files.readText(ItemRecord.uriFor(output)) : null;
        return text == null ? null : ItemRecord.parse(text);
    }

    /**
     * Just before the new output goes in place: false if another attempt of this item put it there
     * meanwhile; otherwise the old output's record goes first, so that a record never stands beside
     * an image it did not make, even if this attempt dies now.
     */
    private boolean makeWay(WorkItem item, long fingerprint) {
        injectFailure(item);
        try {
            ItemRecord current = recordOf(item.output());
            if (current != null && current.fingerprint() == fingerprint) {
                return false;
            }
            files.delete(ItemRecord.uriFor(item.output()));
            return true;
        } catch (IOException e) {
            throw new NstException("Cannot replace " + item.output() + ": " + e.getMessage(), e);
        }
    }

    private ItemResult failed(WorkItem item, long start, String reason) {
        return ItemResult.failed(item, seconds(start), reason, task.executor(), task.attempt());
    }

    /** The test-only failure: the first attempt dies with its output complete but not yet in place. */
    private void injectFailure(WorkItem item) {
        if (task.attempt() == 0 && WorkItem.fileName(item.output()).equals(spec.failFirstAttemptOf())) {
            throw new IllegalStateException("Injected failure of the first attempt for " + item.output()
                    + " (--fail-first-attempt, for tests)");
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
