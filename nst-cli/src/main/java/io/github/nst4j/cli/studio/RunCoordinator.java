package io.github.nst4j.cli.studio;

import io.github.nst4j.StyleTransfer;
import io.github.nst4j.StyleTransferResult;
import io.github.nst4j.error.NstException;
import io.github.nst4j.image.ImageWriter;
import io.github.nst4j.weights.download.DownloadException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs one style transfer at a time, on one thread of its own (SameDiff keeps its session memory
 * per thread). Starting a run while another goes is refused, unless the new one is to replace it:
 * the current run is then asked to stop, keeping its best image, and the new one waits its turn.
 * Every run ends as a result (its image and record written) or as a one-sentence error.
 */
final class RunCoordinator implements AutoCloseable {
    /** How long closing waits for a stopping run to write its result. */
    private static final long CLOSE_WAIT_SECONDS = 20;

    private final EventStream events;
    private final ImageStore images;
    private final ResultsFolder folder;
    private final RecordWriter records;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "nst-studio-run");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<Integer, StudioResult> results = new ConcurrentSkipListMap<>();
    private int runs;
    private LiveRun running;
    private LiveRun waiting;
    private Future<?> waitingTask;
    private Collection<String> waitingImages;

    RunCoordinator(EventStream events, ImageStore images, ResultsFolder folder, RecordWriter records) {
        this.events = events;
        this.images = images;
        this.folder = folder;
        this.records = records;
    }

    /**
     * Starts a run of {@code transfer}, or, with {@code replace}, queues it behind the current run,
     * which is asked to stop (a run queued before is dropped). The run's images are kept from being
     * freed to make room until it ends.
     *
     * @param imageNames the name of each image of the settings, by id
     * @param weights how the record names the weights, once they are loaded
     * @return the run's number
     * @throws Refusal (409) when another run goes and {@code replace} is false
     */
    synchronized int start(RunSettings settings, Map<String, String> imageNames, StyleTransfer transfer,
            Supplier<String> weights, boolean replace) {
        if (running != null && !replace) {
            throw new Refusal(409, "A run is in progress: stop it first, or start this one in its place");
        }
        LiveRun run = new LiveRun(++runs, events);
        if (running != null) {
            running.requestStop();
            dropWaiting();
        }
        images.pin(imageNames.keySet());
        Future<?> task = worker.submit(() -> execute(run, settings, imageNames, transfer, weights));
        if (running == null) {
            running = run;
        } else {
            waiting = run;
            waitingTask = task;
            waitingImages = imageNames.keySet();
            status(run.id(), "queued", "Waiting for run " + running.id() + " to stop");
        }
        return run.id();
    }

    /** Asks the current run to stop after its iteration, and drops a queued one. */
    synchronized void stop() {
        if (running != null) {
            running.requestStop();
            status(running.id(), "stopping", "Stopping after this iteration; the best image so far is kept");
        }
        dropWaiting();
    }

    /** The running run, or null. */
    synchronized LiveRun running() {
        return running;
    }

    StudioResult result(int id) {
        StudioResult result = results.get(id);
        if (result == null) {
            throw new Refusal(404, "No result " + id + " in this session");
        }
        return result;
    }

    List<Map<String, Object>> summaries() {
        List<Map<String, Object>> summaries = new ArrayList<>();
        results.values().forEach(result -> summaries.add(result.summary()));
        return summaries;
    }

    private void execute(LiveRun run, RunSettings settings, Map<String, String> imageNames, StyleTransfer transfer,
            Supplier<String> weights) {
        status(run.id(), "running", String.format(Locale.ROOT, "Loading the %s weights and preparing %dx%d px",
                settings.weights(), transfer.outputWidth(), transfer.outputHeight()));
        Runnable outcome;
        try {
            StyleTransferResult result = transfer.run(run);
            Path image = folder.image(run.id());
            ImageWriter.write(result.image(), image);
            Path record = folder.record(run.id());
            records.write(record, settings.recorded(imageNames, transfer), weights.get(), transfer, result,
                    run.elapsedMillis(), image);
            StudioResult done = StudioResult.of(run.id(), settings, imageNames, result, run.progress(), image, record);
            results.put(done.id(), done);
            outcome = () -> events.publish("result", done.summary());
        } catch (DownloadException e) {
            // The page switches its weights to untrained: a run that needs no download.
            outcome = () -> events.publish("failure", Map.of("run", run.id(), "message", e.getMessage()
                    + ". The weights are now set to untrained (no download; a plainer but real style transfer):"
                    + " press Run again, or use nst --weights FILE", "weights", WeightsChoice.UNTRAINED));
        } catch (NstException e) {
            outcome = () -> failed(run, e.getMessage());
        } catch (OutOfMemoryError e) {
            outcome = () -> failed(run, "Out of memory at " + settings.size() + " px: choose a smaller size, or give"
                    + " Java more memory (NST_JAVA_OPTS=-Xmx8g)");
        } catch (RuntimeException e) {
            e.printStackTrace();
            outcome = () -> failed(run, "Internal error (" + e + "); the server log has the details");
        } finally {
            synchronized (this) {
                images.unpin(imageNames.keySet());
                // The queued run, if any, is the worker's next task.
                running = waiting;
                waiting = null;
                waitingTask = null;
                waitingImages = null;
            }
        }
        // Announced after the run's images are released: a page that uploads on hearing the end has the room.
        outcome.run();
    }

    private void dropWaiting() {
        if (waiting != null && waitingTask.cancel(false)) {
            images.unpin(waitingImages);
            status(waiting.id(), "cancelled", "Replaced before it started");
        }
        waiting = null;
        waitingTask = null;
        waitingImages = null;
    }

    private void failed(LiveRun run, String message) {
        events.publish("failure", Map.of("run", run.id(), "message", message));
    }

    private void status(int run, String state, String message) {
        events.publish("status", Map.of("run", run, "state", state, "message", message));
    }

    /** Stops the current run, waits a little for it to write its result, and ends the worker. */
    @Override
    public void close() {
        stop();
        worker.shutdown();
        try {
            worker.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
