package io.github.nst4j.cli.transfer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.nst4j.Mode;
import io.github.nst4j.StyleTransfer;
import io.github.nst4j.StyleTransferResult;
import io.github.nst4j.cli.bench.ProcessInfo;
import io.github.nst4j.cli.common.VersionProvider;
import io.github.nst4j.error.NstException;
import io.github.nst4j.listener.EarlyStop;
import io.github.nst4j.listener.LossValues;
import io.github.nst4j.plan.Region;
import io.github.nst4j.storage.AtomicFiles;
import io.github.nst4j.tile.TileResult;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The JSON record of one run: every setting actually used (defaults and seed included), weights,
 * backend, sizes, per-iteration losses and times, peak memory and the tool's version; enough to
 * repeat the run.
 */
final class RunRecord {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RunRecord() {
    }

    /**
     * Writes the record of a run that produced {@code output}.
     *
     * @param settings every option's value as used (see {@link #value})
     * @param steps every iteration of the whole run
     * @param optimisationSeconds time spent optimising, over all parts of a resumed run
     */
    static void write(Path file, Map<String, Object> settings, String weights, StyleTransfer transfer,
            StyleTransferResult result, List<RunRecorder.Step> steps, double optimisationSeconds, Path output) {
        ObjectNode root = JSON.createObjectNode();
        root.put("tool", "nst4j " + new VersionProvider().getVersion()[0].replace("nst4j ", ""));
        root.put("finished", Instant.now().toString());
        root.set("settings", JSON.valueToTree(settings));
        root.put("weights", weights);
        ObjectNode backend = root.putObject("backend");
        backend.put("name", Nd4j.getBackend().getClass().getSimpleName());
        backend.put("nativeLibrary", ProcessInfo.loadedLibrary("libnd4j"));
        backend.put("threads", Nd4j.getEnvironment().maxThreads());
        ObjectNode sizes = root.putObject("output");
        sizes.put("file", output.toAbsolutePath().toString());
        sizes.put("width", transfer.outputWidth());
        sizes.put("height", transfer.outputHeight());
        ObjectNode outcome = root.putObject("result");
        outcome.put("iterations", result.lossHistory().size());
        outcome.put("bestIteration", result.bestIteration());
        if (Double.isNaN(result.bestLoss())) {
            outcome.putNull("bestLoss"); // a stop cut the final whole-image loss short
        } else {
            outcome.put("bestLoss", result.bestLoss());
        }
        outcome.put("stoppedEarly", result.stoppedEarly());
        outcome.put("optimisationSeconds", optimisationSeconds);
        outcome.put("peakResidentBytes", ProcessInfo.peakBytes());
        ArrayNode stops = outcome.putArray("earlyStops");
        for (EarlyStop stop : result.earlyStops()) {
            ObjectNode node = stops.addObject();
            node.put("scale", stop.level());
            node.put("iteration", stop.iteration());
            node.put("improvement", stop.improvement());
            node.put("window", stop.window());
            node.put("reason", "the best loss improved by less than the tolerance over the window");
        }
        boolean content = transfer.mode() != Mode.TEXTURE;
        boolean style = transfer.mode() != Mode.CONTENT;
        if (!result.tiles().isEmpty()) {
            writeTiles(outcome.putArray("tiles"), result.tiles(), content, style);
        }
        ArrayNode iterations = root.putArray("iterations");
        for (RunRecorder.Step step : steps) {
            ObjectNode node = iterations.addObject();
            node.put("iteration", step.iteration());
            losses(node, step.losses(), content, style);
            if (step.elapsedMillis() != null) {
                node.put("elapsedMillis", step.elapsedMillis());
            }
        }
        try {
            AtomicFiles.write(file.toAbsolutePath(), temp -> JSON.writeValue(temp.toFile(), root));
        } catch (IOException e) {
            throw new NstException("Cannot write the run record " + file + ": " + e.getMessage(), e);
        }
    }

    /** Each tile of the levels optimised in tiles: where it lay, and its losses at its first step and its best. */
    private static void writeTiles(ArrayNode tiles, List<TileResult> results, boolean content, boolean style) {
        for (TileResult result : results) {
            ObjectNode node = tiles.addObject();
            node.put("pass", result.pass());
            node.put("tile", result.tile());
            region(node.putObject("owned"), result.owned());
            region(node.putObject("window"), result.window());
            losses(node.putObject("first"), result.first(), content, style);
            losses(node.putObject("last"), result.last(), content, style);
        }
    }

    private static void region(ObjectNode node, Region region) {
        node.put("x", region.x());
        node.put("y", region.y());
        node.put("width", region.width());
        node.put("height", region.height());
    }

    /** The loss terms; a term the mode does not have is left out rather than written as 0. */
    private static void losses(ObjectNode node, LossValues losses, boolean content, boolean style) {
        if (content) {
            node.put("content", losses.content());
        }
        if (style) {
            node.put("style", losses.style());
        }
        node.put("tv", losses.totalVariation());
        node.put("total", losses.total());
    }

    /**
     * An option's value as the record keeps it: numbers and booleans as such, lists as arrays,
     * paths absolute, enums by their lower-case names, anything else as text.
     */
    static Object value(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Path path) {
            return path.toAbsolutePath().normalize().toString();
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(RunRecord::value).toList();
        }
        if (value instanceof Enum<?> constant) {
            return constant.toString().toLowerCase(Locale.ROOT);
        }
        return value.toString();
    }
}
