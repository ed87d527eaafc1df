package io.github.nst4j.spark;

import io.github.nst4j.StyleTransfer;
import io.github.nst4j.listener.LossValues;
import java.io.IOException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * What made an output, kept beside it as {@code <output>.properties}: the {@link
 * StyleTransfer#fingerprint() fingerprint} of its settings and input pixels, and what the run that
 * wrote it measured. A rerun skips an output only when its record has the item's fingerprint, and its
 * report row carries the losses and time recorded here.
 *
 * @param fingerprint the fingerprint of the transfer that wrote the output
 * @param seconds wall time of the item in the run that wrote it
 * @param losses the weighted losses of the written image; null for a model's output, which no loss
 *     measured
 */
record ItemRecord(long fingerprint, double seconds, LossValues losses) {
    private static final String SUFFIX = ".properties";
    private static final String FINGERPRINT = "fingerprint";
    private static final String SECONDS = "seconds";
    private static final String CONTENT_LOSS = "content_loss";
    private static final String STYLE_LOSS = "style_loss";
    private static final String TV_LOSS = "tv_loss";

    /** Where the record of {@code output} is kept. */
    static String uriFor(String output) {
        return output + SUFFIX;
    }

    /**
     * The record as a properties file, in a fixed order and unescaped where {@link Properties} does
     * not need it, with the item it describes for a reader.
     */
    String text(WorkItem item, String settings) {
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put(FINGERPRINT, Long.toHexString(fingerprint));
        lines.put("content", item.content() == null ? "" : item.content());
        if (item.style() != null) {
            lines.put("style", item.style());
        }
        lines.put("settings", settings);
        lines.put(SECONDS, String.valueOf(seconds));
        if (losses != null) {
            lines.put(CONTENT_LOSS, String.valueOf(losses.content()));
            lines.put(STYLE_LOSS, String.valueOf(losses.style()));
            lines.put(TV_LOSS, String.valueOf(losses.totalVariation()));
        }
        StringBuilder text = new StringBuilder("# nst-spark: what made ").append(WorkItem.fileName(item.output()))
                .append("; a rerun with other settings or inputs renders it again\n");
        lines.forEach((key, value) -> text.append(key).append('=').append(value.replace("\\", "\\\\")
                .replace("\n", "\\n")).append('\n'));
        return text.toString();
    }

    /** The record in {@code text}, or null when it is not one (damaged, or from elsewhere). */
    static ItemRecord parse(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
            LossValues losses = !properties.containsKey(CONTENT_LOSS) ? null
                    : new LossValues(number(properties, CONTENT_LOSS), number(properties, STYLE_LOSS),
                            number(properties, TV_LOSS));
            return new ItemRecord(Long.parseUnsignedLong(properties.getProperty(FINGERPRINT), 16),
                    Double.parseDouble(properties.getProperty(SECONDS)), losses);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static double number(Properties properties, String key) {
        return Double.parseDouble(properties.getProperty(key));
    }
}
