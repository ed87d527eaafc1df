package io.github.nst4j.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.nst4j.StyleTransfer;
import io.github.nst4j.StyleTransferResult;
import io.github.nst4j.error.NstException;
import io.github.nst4j.storage.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
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

    /** {@code out.png} gets {@code out.json}. */
    static Path besideOutput(Path output) {
        String name = output.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return output.resolveSibling((dot < 0 ? name : name.substring(0, dot)) + ".json");
    }

    static void write(Path file, Map<String, Object> settings, String weights, StyleTransfer transfer,
            StyleTransferResult result, RunRecorder recorder, Path output) {
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
        outcome.put("stoppedEarly", result.stoppedEarly());
        outcome.put("optimisationSeconds", result.elapsed().toMillis() / 1000.0);
        outcome.put("peakResidentBytes", ProcessInfo.peakBytes());
        ArrayNode steps = root.putArray("iterations");
        for (RunRecorder.Step step : recorder.steps()) {
            ObjectNode node = steps.addObject();
            node.put("iteration", step.iteration());
            node.put("content", step.losses().content());
            node.put("style", step.losses().style());
            node.put("tv", step.losses().totalVariation());
            node.put("total", step.losses().total());
            node.put("elapsedMillis", step.elapsedMillis());
        }
        try {
            AtomicFiles.write(file.toAbsolutePath(), temp -> JSON.writeValue(temp.toFile(), root));
        } catch (IOException e) {
            throw new NstException("Cannot write the run record " + file + ": " + e.getMessage(), e);
        }
    }
}
