package io.github.nst4j.spark;

import io.github.nst4j.StyleTransfer;
import io.github.nst4j.StyleTransferBuilder;
import io.github.nst4j.StyleTransferResult;
import io.github.nst4j.cli.SettingFlags;
import io.github.nst4j.cli.TransferOptions;
import io.github.nst4j.error.InvalidSettingException;
import io.github.nst4j.error.NstException;
import java.io.IOException;

/**
 * Runs one work item on an executor and says what became of it: skipped when its output exists,
 * failed with a one-line reason when the item is bad, done when its output was written.
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
            if (files.exists(item.output())) {
                return ItemResult.skipped(item, seconds(start), task.executor(), task.attempt());
            }
            StyleTransferResult result = transfer(item).run();
            boolean written = files.writeOnce(result.image(), item.output(), task.attemptId(),
                    () -> injectFailure(item));
            if (!written) {
                return ItemResult.skipped(item, seconds(start), task.executor(), task.attempt());
            }
            return ItemResult.done(item, seconds(start), result.lossHistory().get(result.bestIteration() - 1),
                    task.executor(), task.attempt());
        } catch (InvalidSettingException e) {
            return failed(item, start, SettingFlags.describe(e));
        } catch (NstException e) {
            return failed(item, start, e.getMessage());
        } catch (IOException e) {
            return failed(item, start, "Cannot check whether " + item.output() + " exists: " + e.getMessage());
        } catch (OutOfMemoryError e) {
            return failed(item, start, "Out of memory (" + e.getMessage() + "); raise"
                    + " spark.executor.memoryOverhead or use a smaller --size");
        }
    }

    private StyleTransfer transfer(WorkItem item) {
        TransferOptions options = ItemSettings.parse(spec.argumentsFor(item));
        StyleTransferBuilder builder = options.apply(StyleTransfer.builder())
                .weights(ExecutorWeights.source(spec.weights(), options.seed(), files));
        if (item.content() != null) {
            builder.content(files.readImage(item.content()));
        }
        builder.addStyle(files.readImage(item.style()));
        return builder.build();
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
