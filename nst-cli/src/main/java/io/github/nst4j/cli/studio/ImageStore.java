package io.github.nst4j.cli.studio;

import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The images of this session, uploaded or picked from the samples, held in memory under ids the
 * server chose: the page refers to images by these ids, never by a path.
 */
final class ImageStore {
    /** One image, its name as shown on the page, and its PNG thumbnail. */
    record Entry(String id, String name, BufferedImage image, byte[] thumbnail) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();

    Entry add(String name, BufferedImage image) {
        Entry entry = new Entry("img" + count.incrementAndGet(), name, image, Png.thumbnail(image));
        entries.put(entry.id(), entry);
        return entry;
    }

    /** @throws Refusal if there is no image {@code id} */
    Entry get(String id) {
        Entry entry = id == null ? null : entries.get(id);
        if (entry == null) {
            throw new Refusal(404, "No image " + id + " in this session: add the image again");
        }
        return entry;
    }
}
