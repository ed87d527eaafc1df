package io.github.nst4j.tests.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code torch_vgg_reference.txt}, written by {@code generate_torch_vgg_reference.py} (see
 * its docstring for what the values are and how to regenerate them).
 *
 * <p>Format: {@code #} comment lines; records of a header line {@code KIND NAME DIM…} followed by a
 * line of {@code prod(DIM)} values in C order; a final {@code end} line. Every count is checked
 * against the header, and {@code end} must be present, so a truncated or hand-edited fixture fails
 * loudly instead of silently comparing fewer values.
 */
public final class TorchVggReferenceFixture {
    /** Classpath location of the fixture ({@code src/test/resources/reference}). */
    public static final String RESOURCE = "/reference/torch_vgg_reference.txt";

    /** The record kinds the generator writes. */
    public static final List<String> KINDS = List.of("pixels", "weight_stats", "activations", "gram_full",
            "gram_diagonal", "gram_row0");

    /** One record: its shape and its values in C order. */
    public record Entry(long[] shape, double[] values) {
    }

    private final Map<String, Entry> entries;

    private TorchVggReferenceFixture(Map<String, Entry> entries) {
        this.entries = entries;
    }

    /** The fixture from the test classpath. */
    public static TorchVggReferenceFixture load() {
        return TestResources.parse(RESOURCE, TorchVggReferenceFixture::parse);
    }

    /**
     * The record {@code KIND NAME}, e.g. {@code get("gram_row0", "block3_conv1")}.
     *
     * @throws IllegalStateException if the fixture has no such record
     */
    public Entry get(String kind, String name) {
        Entry entry = entries.get(kind + " " + name);
        require(entry != null, RESOURCE + " has no record '" + kind + " " + name + "'");
        return entry;
    }

    static TorchVggReferenceFixture parse(BufferedReader reader) throws IOException {
        Map<String, Entry> entries = new LinkedHashMap<>();
        boolean ended = false;
        int lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String where = RESOURCE + ":" + lineNumber;
            require(!ended, where + ": content after 'end'");
            if (trimmed.equals("end")) {
                ended = true;
                continue;
            }
            String[] header = trimmed.split("\\s+");
            require(header.length >= 3 && KINDS.contains(header[0]),
                    where + ": expected 'KIND NAME DIM...' with KIND one of " + KINDS);
            String key = header[0] + " " + header[1];
            require(!entries.containsKey(key), where + ": duplicate record '" + key + "'");
            long[] shape = new long[header.length - 2];
            for (int i = 0; i < shape.length; i++) {
                shape[i] = Long.parseLong(header[i + 2]);
            }
            long count = Arrays.stream(shape).reduce(1, Math::multiplyExact);
            String valuesLine = reader.readLine();
            lineNumber++;
            require(valuesLine != null, where + ": record '" + key + "' has no values line");
            String[] tokens = valuesLine.strip().split("\\s+");
            require(tokens.length == count, RESOURCE + ":" + lineNumber + ": record '" + key + "' has "
                    + tokens.length + " values, expected " + count + " for shape " + Arrays.toString(shape));
            double[] values = new double[tokens.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = Double.parseDouble(tokens[i]);
                require(Double.isFinite(values[i]), RESOURCE + ":" + lineNumber + ": non-finite value in '"
                        + key + "'");
            }
            entries.put(key, new Entry(shape, values));
        }
        require(ended, RESOURCE + ": no 'end' line (truncated?)");
        return new TorchVggReferenceFixture(entries);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
