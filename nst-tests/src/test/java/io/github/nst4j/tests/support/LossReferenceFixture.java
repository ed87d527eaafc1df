package io.github.nst4j.tests.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the loss reference fixture written by {@code generate_loss_reference.py}.
 *
 * <p>Format, one item per line: {@code #} comments, then blocks of {@code case NAME},
 * {@code shape C H W}, {@code features v…}, {@code target v…}, {@code gram v…},
 * {@code gram_target v…}, {@code style_loss v}, {@code content_loss v}, {@code tv_loss v},
 * {@code end}. Values are Python float reprs, which {@link Double#parseDouble} reads exactly.
 * Every count is checked against the shape, so a truncated or hand-edited fixture fails loudly
 * instead of silently comparing fewer values.
 */
public final class LossReferenceFixture {
    /** Classpath location of the fixture ({@code src/test/resources/reference}). */
    public static final String RESOURCE = "/reference/loss_reference.txt";

    private static final List<String> KEYS = List.of("shape", "features", "target", "gram", "gram_target",
            "style_loss", "content_loss", "tv_loss");

    private LossReferenceFixture() {
    }

    /** All cases of {@link #RESOURCE}, in file order. */
    public static List<LossReferenceCase> load() {
        return TestResources.parse(RESOURCE, LossReferenceFixture::parse);
    }

    static List<LossReferenceCase> parse(BufferedReader reader) throws IOException {
        List<LossReferenceCase> cases = new ArrayList<>();
        String name = null;
        Map<String, double[]> fields = new HashMap<>();
        int lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] tokens = trimmed.split("\\s+");
            String key = tokens[0];
            String where = RESOURCE + ":" + lineNumber;
            if (key.equals("case")) {
                require(name == null, where + ": case '" + name + "' has no 'end'");
                require(tokens.length == 2, where + ": expected 'case NAME'");
                name = tokens[1];
                fields.clear();
            } else if (key.equals("end")) {
                require(name != null, where + ": 'end' outside a case");
                cases.add(toCase(name, fields, where));
                name = null;
            } else {
                require(name != null, where + ": '" + key + "' outside a case");
                require(KEYS.contains(key), where + ": unknown key '" + key + "'");
                require(!fields.containsKey(key), where + ": duplicate '" + key + "'");
                double[] values = new double[tokens.length - 1];
                for (int i = 0; i < values.length; i++) {
                    values[i] = Double.parseDouble(tokens[i + 1]);
                }
                fields.put(key, values);
            }
        }
        require(name == null, RESOURCE + ": case '" + name + "' has no 'end'");
        require(!cases.isEmpty(), RESOURCE + ": no cases");
        return cases;
    }

    private static LossReferenceCase toCase(String name, Map<String, double[]> fields, String where) {
        for (String key : KEYS) {
            require(fields.containsKey(key), where + ": case '" + name + "' lacks '" + key + "'");
        }
        double[] shape = fields.get("shape");
        require(shape.length == 3, where + ": 'shape' needs C H W");
        int c = (int) shape[0];
        int h = (int) shape[1];
        int w = (int) shape[2];
        int volume = c * h * w;
        return new LossReferenceCase(name, c, h, w,
                values(fields, "features", volume, name, where),
                values(fields, "target", volume, name, where),
                values(fields, "gram", c * c, name, where),
                values(fields, "gram_target", c * c, name, where),
                values(fields, "style_loss", 1, name, where)[0],
                values(fields, "content_loss", 1, name, where)[0],
                values(fields, "tv_loss", 1, name, where)[0]);
    }

    private static double[] values(Map<String, double[]> fields, String key, int expected, String name,
            String where) {
        double[] values = fields.get(key);
        require(values.length == expected, where + ": case '" + name + "' has " + values.length + " '" + key
                + "' values, expected " + expected);
        require(Arrays.stream(values).allMatch(Double::isFinite),
                where + ": case '" + name + "' has a non-finite '" + key + "' value");
        return values;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
