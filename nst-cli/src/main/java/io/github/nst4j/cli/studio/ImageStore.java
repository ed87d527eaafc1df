package io.github.nst4j.cli.studio;

import java.awt.image.BufferedImage;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The images of this session, uploaded or picked from the samples, held in memory under ids the
 * server chose: the page refers to images by these ids, never by a path. What it holds is bounded
 * ({@link StudioLimits}): to make room, the images least recently added or used by a run are freed,
 * except those of a run that is going or queued; an image that cannot fit is refused. Every image
 * freed, by the page's remove button or to make room, is announced so that pages stop offering it.
 */
final class ImageStore {
    /** One image, its name as shown on the page, and its PNG thumbnail. */
    record Entry(String id, String name, BufferedImage image, byte[] thumbnail) {
        long pixels() {
            return (long) image.getWidth() * image.getHeight();
        }
    }

    private static final double MEGAPIXEL = 1e6;

    private final StudioLimits limits;
    private final Consumer<Entry> freed;
    /** The least recently added or used by a run first. */
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    /** Ids in use by runs, with how many runs use each. */
    private final Map<String, Integer> pinned = new HashMap<>();
    private long pixels;
    private int count;

    /** @param freed told of every image freed */
    ImageStore(StudioLimits limits, Consumer<Entry> freed) {
        this.limits = limits;
        this.freed = freed;
    }

    /**
     * Frees what a {@code width x height} image needs before it is decoded, so that decoding it has
     * that memory.
     *
     * @throws Refusal (413) if it cannot fit
     */
    synchronized void makeRoom(String name, int width, int height) {
        long needed = (long) width * height;
        if (needed > limits.imagePixels()) {
            throw new Refusal(413, String.format(Locale.ROOT, "%s has %dx%d pixels, more than the %s megapixels the"
                    + " studio holds at once: scale it down, or give Java more memory (NST_JAVA_OPTS=-Xmx8g)",
                    name, width, height, megapixels(limits.imagePixels())));
        }
        List<Entry> unpinned = entries.values().stream().filter(entry -> !pinned.containsKey(entry.id())).toList();
        long freeable = unpinned.stream().mapToLong(Entry::pixels).sum();
        if (pixels - freeable + needed > limits.imagePixels() || entries.size() - unpinned.size() >= limits.images()) {
            throw new Refusal(413, String.format(Locale.ROOT, "%s (%s megapixels) does not fit beside the images of"
                    + " the current run in the %s megapixels the studio holds at once: stop the run or scale the"
                    + " image down", name, megapixels(needed), megapixels(limits.imagePixels())));
        }
        Iterator<Entry> oldest = unpinned.iterator();
        while (pixels + needed > limits.imagePixels() || entries.size() >= limits.images()) {
            Entry entry = oldest.next();
            entries.remove(entry.id());
            pixels -= entry.pixels();
            freed.accept(entry);
        }
    }

    /**
     * Adds an image, freeing older ones if needed.
     *
     * @throws Refusal (413) if it cannot fit
     */
    Entry add(String name, BufferedImage image) {
        byte[] thumbnail = Png.thumbnail(image);
        synchronized (this) {
            makeRoom(name, image.getWidth(), image.getHeight());
            Entry entry = new Entry("img" + ++count, name, image, thumbnail);
            entries.put(entry.id(), entry);
            pixels += entry.pixels();
            return entry;
        }
    }

    /** @throws Refusal if there is no image {@code id} */
    synchronized Entry get(String id) {
        Entry entry = id == null ? null : entries.get(id);
        if (entry == null) {
            throw new Refusal(404, "No image " + id + " in this session (it was removed or freed to make room):"
                    + " add the image again");
        }
        return entry;
    }

    /** Frees image {@code id}; a run that uses it keeps its pixels until it ends. */
    synchronized void remove(String id) {
        Entry entry = get(id);
        entries.remove(id);
        pixels -= entry.pixels();
        freed.accept(entry);
    }

    /** The images held, least recently added or used by a run first. */
    synchronized List<Entry> held() {
        return List.copyOf(entries.values());
    }

    /** Keeps {@code ids}, used by a run, from being freed to make room until {@link #unpin}. */
    synchronized void pin(Collection<String> ids) {
        for (String id : ids) {
            pinned.merge(id, 1, Integer::sum);
            Entry entry = entries.remove(id);
            if (entry != null) {
                entries.put(id, entry);
            }
        }
    }

    synchronized void unpin(Collection<String> ids) {
        ids.forEach(id -> pinned.computeIfPresent(id, (key, runs) -> runs == 1 ? null : runs - 1));
    }

    private static String megapixels(long pixels) {
        return String.format(Locale.ROOT, "%.3g", pixels / MEGAPIXEL);
    }
}
