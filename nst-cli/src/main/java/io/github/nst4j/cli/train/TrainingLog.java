package io.github.nst4j.cli.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.nst4j.fast.TrainingEvent;
import io.github.nst4j.fast.TrainingListener;
import io.github.nst4j.listener.LossValues;
import io.github.nst4j.storage.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The training's progress: a line per step while steps are few, then a line per hundredth of the
 * training (and the last step always), each with the losses, seconds per step and ETA; and every
 * step's losses kept for the JSON record.
 */
final class TrainingLog implements TrainingListener {
    private static final int EVERY_STEP_UP_TO = 100;

    private final PrintWriter lines;
    private final List<Map<String, Object>> steps = new ArrayList<>();
    /** The step before this process's first: a resumed training's earlier steps ran elsewhere. */
    private int stepsBefore = -1;

    TrainingLog(PrintWriter lines) {
        this.lines = lines;
    }

    @Override
    public void onStep(TrainingEvent event) {
        if (stepsBefore < 0) {
            stepsBefore = event.step() - 1;
        }
        LossValues losses = event.losses();
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("step", event.step());
        step.put("epoch", event.epoch());
        step.put("total", losses.total());
        step.put("content", losses.content());
        step.put("style", losses.style());
        step.put("tv", losses.totalVariation());
        step.put("seconds", event.elapsed().toMillis() / 1000.0);
        steps.add(step);
        int every = event.totalSteps() <= EVERY_STEP_UP_TO ? 1 : event.totalSteps() / EVERY_STEP_UP_TO;
        if (event.step() % every == 0 || event.step() == event.totalSteps()) {
            double secondsPerStep = event.elapsed().toNanos() / 1e9 / (event.step() - stepsBefore);
            long eta = Math.round(secondsPerStep * (event.totalSteps() - event.step()));
            lines.printf(Locale.ROOT, "step %d/%d  epoch %d  loss %.4g (content %.3g, style %.3g, tv %.3g)  %.2f s/step"
                    + "  ETA %d:%02d:%02d%n", event.step(), event.totalSteps(), event.epoch(), losses.total(),
                    losses.content(), losses.style(), losses.totalVariation(), secondsPerStep, eta / 3600,
                    (eta / 60) % 60, eta % 60);
            lines.flush();
        }
    }

    /** Writes the steps this process took, with what was trained, to {@code file} atomically. */
    void writeRecord(Path file, List<Path> styles, Path images, String weights) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("styles", styles.stream().map(path -> path.toAbsolutePath().toString()).toList());
        root.put("images", images.toAbsolutePath().toString());
        root.put("weights", weights);
        root.put("steps", steps);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        AtomicFiles.write(file, temp -> json.writeValue(temp.toFile(), root));
    }
}
