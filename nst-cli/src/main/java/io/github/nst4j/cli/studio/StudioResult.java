package io.github.nst4j.cli.studio;

import io.github.nst4j.StyleTransferResult;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A finished run of this session: its settings and the names of its images (to re-open them, also
 * after the images were freed), what it achieved, its progress (to draw its chart again), its files
 * and the thumbnail of the results strip. A photo stylised by a fast model is a result too, with
 * the model's name instead of settings and progress.
 *
 * @param settings the run's settings, or null for a fast model's result
 * @param imageNames the name of each image id of the settings, as shown when the run started
 * @param model the fast model's name, or null for a run
 * @param content the content image's id for a fast model's result, else null (the settings hold it)
 */
record StudioResult(int id, RunSettings settings, Map<String, String> imageNames, int width, int height,
        int iterations, int bestIteration, double bestLoss, boolean stopped, double seconds,
        List<ProgressStep> progress, byte[] thumbnail, Path image, Path record, String model, String content) {

    static StudioResult of(int id, RunSettings settings, Map<String, String> imageNames, StyleTransferResult result,
            List<ProgressStep> progress, Path image, Path record) {
        return new StudioResult(id, settings, Map.copyOf(imageNames), result.image().getWidth(),
                result.image().getHeight(), result.lossHistory().size(), result.bestIteration(), result.bestLoss(),
                result.stoppedEarly(), result.elapsed().toMillis() / 1000.0, List.copyOf(progress),
                Png.thumbnail(result.image()), image, record, null, null);
    }

    /** The result of {@code model} applied to {@code content}: one pass, no iterations. */
    static StudioResult applied(int id, ModelStore.Entry model, ImageStore.Entry content, BufferedImage styled,
            double seconds, Path image, Path record) {
        return new StudioResult(id, null, Map.of(content.id(), content.name()), styled.getWidth(), styled.getHeight(),
                0, 0, 0, false, seconds, List.of(), Png.thumbnail(styled), image, record, model.name(), content.id());
    }

    /** What the page shows of it, with the addresses of its image, record and thumbnail. */
    Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("id", id);
        summary.put("settings", settings);
        summary.put("imageNames", imageNames);
        summary.put("width", width);
        summary.put("height", height);
        summary.put("iterations", iterations);
        summary.put("bestIteration", bestIteration);
        summary.put("bestLoss", bestLoss);
        summary.put("stopped", stopped);
        summary.put("seconds", seconds);
        summary.put("image", "api/results/image?id=" + id);
        summary.put("record", "api/results/record?id=" + id);
        summary.put("thumbnail", "api/results/thumbnail?id=" + id);
        summary.put("progress", "api/results/progress?id=" + id);
        if (model != null) {
            summary.put("model", model);
            summary.put("content", content);
        }
        return summary;
    }
}
