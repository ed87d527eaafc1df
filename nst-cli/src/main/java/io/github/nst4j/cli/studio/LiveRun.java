package io.github.nst4j.cli.studio;

import io.github.nst4j.listener.IterationEvent;
import io.github.nst4j.listener.IterationListener;
import io.github.nst4j.listener.PreparationEvent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One run as the page watches it: every iteration's losses, speed and ETA as a progress event, a
 * preview of the image as it forms a few times a second, and the Stop button, which asks the run to
 * stop after the current iteration so that it still returns its best image.
 */
final class LiveRun implements IterationListener {
    /**
     * Time between previews: four a second keep the picture live, and converting and encoding a
     * 512 px image (about 30 ms) then costs a small share of its 1.3 s iteration.
     */
    private static final long PREVIEW_INTERVAL_NANOS = 250_000_000L;

    private final int id;
    private final EventStream events;
    private final Map<Integer, Long> elapsedMillis = new ConcurrentHashMap<>();
    private final List<ProgressStep> progress = new CopyOnWriteArrayList<>();
    private volatile boolean stopRequested;
    private volatile byte[] preview;
    private volatile int frames;
    private long lastPreviewNanos;

    LiveRun(int id, EventStream events) {
        this.id = id;
        this.events = events;
    }

    int id() {
        return id;
    }

    @Override
    public void onIteration(IterationEvent event) {
        elapsedMillis.put(event.iteration(), event.elapsed().toMillis());
        ProgressStep step = ProgressStep.of(id, event);
        progress.add(step);
        events.publish("progress", step);
        long now = System.nanoTime();
        if (frames == 0 || now - lastPreviewNanos >= PREVIEW_INTERVAL_NANOS) {
            lastPreviewNanos = now;
            preview = Png.encode(event.wholeImage());
            frames++;
            events.publish("preview", Map.of("run", id, "frame", frames));
        }
        if (stopRequested) {
            event.requestStop();
        }
    }

    /** Stop also ends the long work of a tiled run between steps (a large style's statistics). */
    @Override
    public void onPreparation(PreparationEvent event) {
        if (stopRequested) {
            event.requestStop();
        }
    }

    /** Asks the run to stop after the current iteration. */
    void requestStop() {
        stopRequested = true;
    }

    boolean stopRequested() {
        return stopRequested;
    }

    /** The latest preview as PNG, or null before the first iteration. */
    byte[] preview() {
        return preview;
    }

    /** Time from the start of the optimisation, by iteration, for the record. */
    Map<Integer, Long> elapsedMillis() {
        return elapsedMillis;
    }

    /** Every iteration so far. */
    List<ProgressStep> progress() {
        return List.copyOf(progress);
    }

    /** What a page that opens during the run needs to catch up: the progress so far and the preview count. */
    Map<String, Object> state() {
        return Map.of("run", id, "progress", List.copyOf(progress), "frames", frames, "stopping", stopRequested);
    }
}
