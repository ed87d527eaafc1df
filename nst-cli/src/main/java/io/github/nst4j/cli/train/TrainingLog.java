package io.github.nst4j.cli.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.nst4j.cli.common.Clock;
import io.github.nst4j.cli.common.LossPlot;
import io.github.nst4j.fast.TrainingEvent;
import io.github.nst4j.fast.TrainingListener;
import io.github.nst4j.listener.LossValues;
import io.github.nst4j.storage.AtomicFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The training's progress: on a terminal a live bar with step, loss, seconds per step and ETA;
 * otherwise a line per step while steps are few, then a line per hundredth of the training (and the
 * last step always). Every step's losses are kept for the JSON record and the loss chart.
 */
final class TrainingLog implements TrainingListener, AutoCloseable {
    private static final int EVERY_STEP_UP_TO = 100;

    private final PrintWriter lines;
    private final PrintStream terminal;
    private final List<Map<String, Object>> steps = new ArrayList<>();
    private final List<LossPlot.Point> points = new ArrayList<>();
    private ProgressBar bar;
    /** The step before this process's first: a resumed training's earlier steps ran elsewhere. */
    private int stepsBefore = -1;
    /** The latest step's line when it was not printed, for {@link #close} (a training stopped early). */
    private String unprintedLine;

    /**
     * @param lines where plain progress lines go when there is no terminal
     * @param terminal the terminal for the live bar, or null
     */
    TrainingLog(PrintWriter lines, PrintStream terminal) {
        this.lines = lines;
        this.terminal = terminal;
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
        points.add(new LossPlot.Point(event.step(), losses));
        double secondsPerStep = event.elapsed().toNanos() / 1e9 / (event.step() - stepsBefore);
        String state = String.format(Locale.ROOT, "epoch %d  loss %.4g (content %.3g, style %.3g, tv %.3g)  %.2f s/step",
                event.epoch(), losses.total(), losses.content(), losses.style(), losses.totalVariation(), secondsPerStep);
        if (terminal != null) {
            bar(event).stepTo(event.step());
            bar.setExtraMessage(" " + state);
            return;
        }
        long eta = Math.round(secondsPerStep * (event.totalSteps() - event.step()));
        String line = String.format(Locale.ROOT, "step %d/%d  %s  ETA %s", event.step(), event.totalSteps(), state,
                Clock.of(eta));
        int every = event.totalSteps() <= EVERY_STEP_UP_TO ? 1 : event.totalSteps() / EVERY_STEP_UP_TO;
        if (event.step() % every == 0 || event.step() == event.totalSteps()) {
            lines.println(line);
            lines.flush();
            unprintedLine = null;
        } else {
            unprintedLine = line;
        }
    }

    private ProgressBar bar(TrainingEvent event) {
        if (bar == null) {
            bar = new ProgressBarBuilder().setTaskName("train").setInitialMax(event.totalSteps())
                    .startsFrom(stepsBefore, Duration.ZERO).setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(250).setConsumer(new ConsoleProgressBarConsumer(terminal))
                    .setUnit(" steps", 1).build();
        }
        return bar;
    }

    /** Ends the bar, or prints the last step's line if the training stopped between lines. */
    @Override
    public void close() {
        if (bar != null) {
            bar.close();
            bar = null;
        } else if (unprintedLine != null) {
            lines.println(unprintedLine);
            lines.flush();
            unprintedLine = null;
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

    /** Writes the chart of this process's steps' losses as a PNG. */
    void writePlot(Path file) {
        LossPlot.write(points, "nst train losses", "step", file);
    }
}
