package io.github.nst4j.spark;

import io.github.nst4j.error.NstException;
import io.github.nst4j.image.Images;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.OptionalInt;

/**
 * A work item as one forward pass of the job's fast style model, loaded once per executor by
 * {@link ExecutorModels}: the image {@code nst apply} writes for the same content and size. Its
 * fingerprint covers the model file, {@code --size} and the content's pixels, so a re-run with another
 * model or size renders the item again.
 */
final class ModelRendering implements Rendering {
    private final ShippedModel model;
    private final BufferedImage content;
    private final OptionalInt size;

    private ModelRendering(ShippedModel model, BufferedImage content, OptionalInt size) {
        this.model = model;
        this.content = content;
        this.size = size;
    }

    /** Reads the item's content and its size; the model is loaded only when an output is made. */
    static ModelRendering prepare(JobSpec spec, WorkItem item, HadoopFiles files) {
        OptionalInt size;
        try {
            size = ModelSettings.size(spec.argumentsFor(item));
        } catch (IllegalArgumentException e) {
            throw new NstException(e.getMessage(), e);
        }
        return new ModelRendering(spec.model().value(), files.readImage(item.content()), size);
    }

    @Override
    public long fingerprint() {
        MessageDigest digest = sha256();
        digest.update(model.sha256().getBytes(StandardCharsets.UTF_8));
        ByteBuffer row = ByteBuffer.allocate(4 * Math.max(3, content.getWidth()));
        row.putInt(size.orElse(0)).putInt(content.getWidth()).putInt(content.getHeight());
        digest.update(row.array(), 0, row.position());
        int[] pixels = new int[content.getWidth()];
        for (int y = 0; y < content.getHeight(); y++) {
            content.getRGB(0, y, content.getWidth(), 1, pixels, 0, content.getWidth());
            row.clear();
            row.asIntBuffer().put(pixels);
            digest.update(row.array(), 0, 4 * pixels.length);
        }
        return ByteBuffer.wrap(digest.digest()).getLong();
    }

    @Override
    public String settings() {
        return (size.isPresent() ? "--size=" + size.getAsInt() + " " : "") + "--model=" + model.uri();
    }

    @Override
    public Rendered render() {
        // As nst apply reads it, transparency over white, with or without --size (resizing drops alpha).
        BufferedImage input = size.isPresent() ? Images.resizeLongSide(content, size.getAsInt())
                : Images.toRgb(content);
        return new Rendered(ExecutorModels.of(model).stylize(input), null);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
