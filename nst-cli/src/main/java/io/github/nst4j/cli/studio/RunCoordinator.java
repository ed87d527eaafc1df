package io.github.nst4j.cli.studio;

import io.github.nst4j.StyleTransfer;
import io.github.nst4j.StyleTransferResult;
import io.github.nst4j.error.NstException;
import io.github.nst4j.image.ImageWriter;
import io.github.nst4j.image.Images;
import io.github.nst4j.storage.AtomicFiles;
import io.github.nst4j.weights.download.DownloadException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
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
    /** Failures kept for pages that missed their event; older ones are forgotten. */
    private static final int FAILURES_KEPT = 10;

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
    private final ConcurrentSkipListMap<Integer, Map<String, Object>> failures = new ConcurrentSkipListMap<>();
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

    /**
     * Stylises {@code content} with a fast model on the run thread, at {@code size} px on its long
     * side, as a numbered result like a run's.
     *
     * @return the result's number
     * @throws Refusal (409) when a run goes: it has the processor
     */
    synchronized int apply(ModelStore.Entry model, ImageStore.Entry content, int size) {
        if (running != null) {
            throw new Refusal(409, "A run is in progress: stop it first, then apply the model");
        }
        int id = ++runs;
        worker.submit(() -> executeApply(id, model, content, size));
        return id;
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

    /**
     * The latest failures, oldest first, as their events said them: a page whose event stream was
     * closed (a hidden tab) or not yet open when a run failed learns of it here.
     */
    List<Map<String, Object>> failures() {
        return List.copyOf(failures.values());
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
            outcome = failure(run.id(), e.getMessage() + ". The weights are now set to untrained (no download;"
                    + " a plainer but real style transfer): press Run again, or use nst --weights FILE",
                    WeightsChoice.UNTRAINED);
        } catch (NstException e) {
            outcome = failure(run.id(), e.getMessage(), null);
        } catch (OutOfMemoryError e) {
            outcome = failure(run.id(), "Out of memory at " + settings.size() + " px: choose a smaller size, or give"
                    + " Java more memory (NST_JAVA_OPTS=-Xmx8g)", null);
        } catch (RuntimeException e) {
            e.printStackTrace();
            outcome = failure(run.id(), "Internal error (" + e + "); the server log has the details", null);
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

    private void executeApply(int id, ModelStore.Entry model, ImageStore.Entry content, int size) {
        BufferedImage photo = Images.resizeLongSide(content.image(), size);
        status(id, "running", String.format(Locale.ROOT, "Applying %s to %s at %dx%d px", model.name(), content.name(),
                photo.getWidth(), photo.getHeight()));
        try {
            long start = System.nanoTime();
            BufferedImage styled = model.model().stylize(photo);
            double seconds = (System.nanoTime() - start) / 1e9;
            Path image = folder.image(id);
            ImageWriter.write(styled, image);
            Path record = folder.record(id);
            Map<String, Object> recorded = new LinkedHashMap<>();
            recorded.put("model", model.name());
            recorded.put("modelDescription", model.model().description());
            recorded.put("content", content.name());
            recorded.put("width", styled.getWidth());
            recorded.put("height", styled.getHeight());
            recorded.put("seconds", seconds);
            recorded.put("image", image.getFileName().toString());
            AtomicFiles.write(record, temp -> Replies.JSON.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(),
                    recorded));
            StudioResult done = StudioResult.applied(id, model, content, styled, seconds, image, record);
            results.put(id, done);
            events.publish("result", done.summary());
        } catch (NstException e) {
            failure(id, e.getMessage(), null).run();
        } catch (IOException e) {
            failure(id, "Cannot write the result (" + e.getMessage() + ")", null).run();
        } catch (OutOfMemoryError e) {
            failure(id, "Out of memory at " + size + " px: choose a smaller size, or give Java more memory"
                    + " (NST_JAVA_OPTS=-Xmx8g)", null).run();
        } catch (RuntimeException e) {
            e.printStackTrace();
            failure(id, "Internal error (" + e + "); the server log has the details", null).run();
        }
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

    /**
     * Records that {@code run} failed, at once, so that the state shows it as soon as the run is no
     * longer running; returns the announcement to every open page.
     *
     * @param weights the weights the page should switch to, or null to keep its choice
     */
    private Runnable failure(int run, String message, String weights) {
        Map<String, Object> failure = weights == null ? Map.of("run", run, "message", message)
                : Map.of("run", run, "message", message, "weights", weights);
        failures.put(run, failure);
        while (failures.size() > FAILURES_KEPT) {
            failures.pollFirstEntry();
        }
        return () -> events.publish("failure", failure);
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
