package io.github.nst4j.spark;

import java.io.Serializable;
import java.util.List;

/**
 * One style transfer of the job. Paths are Hadoop {@code FileSystem} URIs.
 *
 * @param content the content image, or null for texture synthesis
 * @param style the style image, or null for a model's item (the job's {@code --model} is its style)
 * @param output the output image, {@code .png} or {@code .jpg}
 * @param overrides this item's own settings, as {@code --option=value} arguments of the job's
 *     command line, applied after the job's common ones
 */
public record WorkItem(String content, String style, String output, List<String> overrides) implements Serializable {
    private static final long serialVersionUID = 1L;

    public WorkItem {
        overrides = List.copyOf(overrides);
    }

    /** E.g. {@code cat.png x starry.jpg}, or {@code cat.png} for a model's item, for messages. */
    public String label() {
        return content == null ? fileName(style) : style == null ? fileName(content)
                : fileName(content) + " x " + fileName(style);
    }

    static String fileName(String uri) {
        return uri.substring(uri.lastIndexOf('/') + 1);
    }
}
