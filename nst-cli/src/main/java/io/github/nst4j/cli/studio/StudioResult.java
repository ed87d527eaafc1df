package io.github.nst4j.cli.studio;

import io.github.nst4j.StyleTransferResult;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A finished run of this session: its settings (to re-open them), what it achieved, its files and
 * the thumbnail of the results strip.
 */
record StudioResult(int id, RunSettings settings, int width, int height, int iterations, int bestIteration,
        double bestLoss, boolean stopped, double seconds, byte[] thumbnail, Path image, Path record) {

    static StudioResult of(int id, RunSettings settings, StyleTransferResult result, Path image, Path record) {
        return new StudioResult(id, settings, result.image().getWidth(), result.image().getHeight(),
                result.lossHistory().size(), result.bestIteration(), result.bestLoss(), result.stoppedEarly(),
                result.elapsed().toMillis() / 1000.0, Png.thumbnail(result.image()), image, record);
    }

    /** What the page shows of it, with the addresses of its image, record and thumbnail. */
    Map<String, Object> summary() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("id", id);
        summary.put("settings", settings);
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
        return summary;
    }
}
