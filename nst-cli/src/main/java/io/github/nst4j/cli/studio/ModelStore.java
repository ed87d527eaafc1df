package io.github.nst4j.cli.studio;

import io.github.nst4j.error.NstException;
import io.github.nst4j.fast.FastStyleModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fast style models of this session (files {@code nst train} wrote, uploaded by the page), held
 * in memory under ids the server chose. At most {@value #MODELS} at once: each holds its network's
 * weights and, once used, its inference arrays.
 */
final class ModelStore {
    static final int MODELS = 4;
    /** PyTorch's TransformerNet is 6.7 MB of float weights; wider networks stay far below this. */
    static final int MAX_BYTES = 64 << 20;

    /** One model and its file name as shown on the page. */
    record Entry(String id, String name, FastStyleModel model) {
        /** The style images it was trained on, by name, from its description. */
        List<String> styles() {
            Map<Integer, String> byIndex = new TreeMap<>();
            model.description().forEach((key, value) -> {
                String[] parts = key.split("\\.");
                if (parts.length == 3 && parts[0].equals("style") && parts[2].equals("name")) {
                    byIndex.put(Integer.parseInt(parts[1]), value);
                }
            });
            return List.copyOf(byIndex.values());
        }

        Map<String, Object> describe() {
            return Map.of("id", id, "name", name, "styles", styles());
        }
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private int count;

    /**
     * Reads a model file's bytes and keeps the model.
     *
     * @throws Refusal (413) when {@value #MODELS} models are held, (400) in one sentence for a file
     *     that is not a model of this version or is damaged
     */
    synchronized Entry add(String name, byte[] bytes) {
        if (entries.size() >= MODELS) {
            throw new Refusal(413, "The studio holds " + MODELS + " models at once: remove one before loading "
                    + name);
        }
        FastStyleModel model;
        Path file = null;
        try {
            // The model file format is read from a file; the copy lives only while it is read.
            file = Files.createTempFile("nst-studio-model-", ".nstm");
            Files.write(file, bytes);
            model = FastStyleModel.load(file);
        } catch (NstException e) {
            throw new Refusal(400, name + ": " + e.getMessage().replace(file.toString(), "the file"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the uploaded model in a temporary file", e);
        } finally {
            deleteQuietly(file);
        }
        Entry entry = new Entry("m" + ++count, name, model);
        entries.put(entry.id(), entry);
        return entry;
    }

    /** @throws Refusal (404) if no model has the id */
    synchronized Entry get(String id) {
        Entry entry = entries.get(id);
        if (entry == null) {
            throw new Refusal(404, "No model " + id + " in this session: load the model file again");
        }
        return entry;
    }

    synchronized void remove(String id) {
        entries.remove(get(id).id());
    }

    synchronized List<Entry> held() {
        return List.copyOf(entries.values());
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            System.err.println("nst studio: could not remove " + file + " (" + e.getMessage() + ")");
        }
    }
}
