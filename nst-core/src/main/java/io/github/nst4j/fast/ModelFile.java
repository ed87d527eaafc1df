package io.github.nst4j.fast;

import io.github.nst4j.error.NstException;
import io.github.nst4j.storage.AtomicFiles;
import io.github.nst4j.storage.NpzArchive;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The file format of fast style models and training checkpoints: a NumPy {@code .npz} whose
 * {@code metadata} entry holds UTF-8 {@code key=value} lines (format, version, architecture, styles,
 * settings, and the SHA-256 of every other entry) and whose other entries are arrays: the network's
 * parameters ({@code weights/<name>}) and, in a checkpoint, the training state ({@code state/...}).
 * NumPy reads it: {@code bytes(np.load(f)["metadata"]).decode()}.
 */
final class ModelFile {
    static final String FORMAT = "nst4j-fast-style";
    static final int VERSION = 1;
    private static final String METADATA = "metadata";
    private static final String FORMAT_KEY = "format";
    private static final String VERSION_KEY = "version";
    private static final String DIGEST_KEY = "arrays.sha256";

    private ModelFile() {
    }

    /**
     * What a file holds.
     *
     * @param metadata descriptive entries, sorted by key (format, version and digest are added on writing)
     * @param arrays named arrays, in file order
     */
    record Contents(Map<String, String> metadata, Map<String, INDArray> arrays) {
    }

    /** Writes the file atomically: a crash leaves the old file or the new one, never half of one. */
    static void write(Path file, Contents contents) throws IOException {
        Map<String, String> metadata = new TreeMap<>(contents.metadata());
        metadata.put(FORMAT_KEY, FORMAT);
        metadata.put(VERSION_KEY, String.valueOf(VERSION));
        metadata.put(DIGEST_KEY, Digests.of(contents.arrays()));
        StringBuilder text = new StringBuilder();
        metadata.forEach((key, value) -> text.append(escape(key)).append('=').append(escape(value)).append('\n'));
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        Map<String, INDArray> entries = new LinkedHashMap<>();
        entries.put(METADATA, Nd4j.create(bytes, new long[] {bytes.length}, DataType.UBYTE));
        entries.putAll(contents.arrays());
        AtomicFiles.write(file, temp -> NpzArchive.write(entries, temp));
    }

    /**
     * Reads and checks a file.
     *
     * @throws NstException in one sentence if the file is missing, not a model, of another format
     *     version, or damaged
     */
    static Contents read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new NstException("Model file not found: " + file + " (check the path)");
        }
        Map<String, INDArray> arrays;
        try {
            arrays = NpzArchive.read(file);
        } catch (IOException | RuntimeException e) {
            throw notAModel(file);
        }
        INDArray metadataBytes = arrays.remove(METADATA);
        if (metadataBytes == null || metadataBytes.dataType() != DataType.UBYTE) {
            throw notAModel(file);
        }
        Map<String, String> metadata = parse(metadataBytes);
        if (!FORMAT.equals(metadata.get(FORMAT_KEY))) {
            throw notAModel(file);
        }
        if (!String.valueOf(VERSION).equals(metadata.get(VERSION_KEY))) {
            throw new NstException(file + " is a fast style model of format version " + metadata.get(VERSION_KEY)
                    + ", but this nst4j reads version " + VERSION + " only (use the nst4j that wrote it, or train the"
                    + " model again)");
        }
        if (!Digests.of(arrays).equals(metadata.get(DIGEST_KEY))) {
            throw damaged(file);
        }
        metadata.remove(FORMAT_KEY);
        metadata.remove(VERSION_KEY);
        metadata.remove(DIGEST_KEY);
        return new Contents(metadata, arrays);
    }

    /** The one sentence for a file whose arrays do not make the network its metadata describes. */
    static NstException damaged(Path file) {
        return new NstException(file + " is a damaged fast style model (its contents do not match its checksum);"
                + " copy it again or train it again");
    }

    private static NstException notAModel(Path file) {
        return new NstException(file + " is not an nst4j fast style model, or is damaged beyond reading"
                + " (give a model file written by nst4j's training)");
    }

    private static Map<String, String> parse(INDArray bytes) {
        byte[] data = bytes.data().asBytes();
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(new String(data, StandardCharsets.UTF_8)));
        } catch (IOException | IllegalArgumentException e) {
            return Map.of();
        }
        Map<String, String> metadata = new TreeMap<>();
        properties.stringPropertyNames().forEach(key -> metadata.put(key, properties.getProperty(key)));
        return metadata;
    }

    /** Escapes as {@link Properties#load} reads back: backslashes, separators, line breaks, non-ASCII. */
    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\', '=', ':', '#', '!' -> escaped.append('\\').append(c);
                case '\n' -> escaped.append("\\n");
                case '\r' -> escaped.append("\\r");
                case '\t' -> escaped.append("\\t");
                default -> escaped.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return escaped.toString();
    }
}
