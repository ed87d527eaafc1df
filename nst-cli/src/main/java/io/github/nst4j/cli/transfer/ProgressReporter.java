package io.github.nst4j.cli.transfer;

import io.github.nst4j.Mode;
import io.github.nst4j.cli.common.Clock;
import io.github.nst4j.listener.IterationEvent;
import io.github.nst4j.listener.IterationListener;
import io.github.nst4j.listener.LossValues;
import io.github.nst4j.listener.PreparationEvent;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows progress: a live bar with iteration, speed, losses and ETA on a terminal, or a plain line
 * every {@value #LINE_EVERY} iterations when the output is a file or pipe. Speed is in seconds per
 * iteration in both, measured over the iterations this process ran (a resumed run's earlier part
 * ran elsewhere). Only the loss terms of the run's mode are shown. Long work between steps (a tiled
 * run's style statistics and final loss) gets a plain line at its first window and every tenth of it.
 * A run that stops between plain lines (--tolerance, Ctrl-C) still ends with its last iteration's line.
 */
final class ProgressReporter implements IterationListener, AutoCloseable {
    static final int LINE_EVERY = 10;

    private final PrintWriter lines;
    private final PrintStream terminal;
    private final Mode mode;
    private final String prefix;
    private ProgressBar bar;
    /** Iterations done before this process's first event: those of a resumed run's earlier part. */
    private int iterationsBefore = -1;
    /** Time spent on finished work between steps (style statistics, whole-image losses). */
    private long preparationNanos;
    /** The latest iteration's line when it was not printed, for {@link #close} (a run stopped early). */
    private String unprintedLine;

    /**
     * @param lines where plain progress lines go when there is no terminal
     * @param terminal the terminal for the live bar, or null
     * @param mode decides which loss terms exist
     * @param prefix starts every plain line (in a batch, the job's name), and names the bar
     */
    ProgressReporter(PrintWriter lines, PrintStream terminal, Mode mode, String prefix) {
        this.lines = lines;
        this.terminal = terminal;
        this.mode = mode;
        this.prefix = prefix;
    }

    /** A bar on stderr when the process has a terminal, else plain lines to {@code lines}. */
    static ProgressReporter forConsole(PrintWriter lines, Mode mode, String prefix) {
        return new ProgressReporter(lines, System.console() != null ? System.err : null, mode, prefix);
    }

    @Override
    public void onIteration(IterationEvent event) {
        if (iterationsBefore < 0) {
            iterationsBefore = event.iteration() - 1;
        }
        if (terminal != null) {
            updateBar(event);
        } else if (event.iteration() % LINE_EVERY == 0 || event.iteration() == event.totalIterations()
                || event.iteration() == iterationsBefore + 1) {
            lines.println(line(event));
            unprintedLine = null;
        } else {
            unprintedLine = line(event);
        }
    }

    @Override
    public void onPreparation(PreparationEvent event) {
        if (event.done() == event.total()) {
            preparationNanos += event.elapsed().toNanos();
        }
        if (bar != null) {
            // Lines printed under a live bar would be torn by its refreshes.
            bar.setExtraMessage(" " + preparationLine(event));
            return;
        }
        int every = Math.max(1, event.total() / 10);
        // One window (a whole image's single style) is over at once: no line for it.
        if (event.total() > 1 && (event.done() == 1 || event.done() % every == 0 || event.done() == event.total())) {
            lines.println(preparationLine(event));
            lines.flush();
        }
    }

    /** "style statistics: window 126/1260  0.41 s/window  ETA 0:08:37". */
    String preparationLine(PreparationEvent event) {
        double secondsPerWindow = event.elapsed().toNanos() / 1e9 / event.done();
        String task = event.task() == PreparationEvent.Task.STYLE_STATISTICS ? "style statistics" : "whole-image loss";
        return String.format(Locale.ROOT, "%s%s: window %d/%d  %.2f s/window  ETA %s", prefix, task, event.done(),
                event.total(), secondsPerWindow, Clock.of(Math.round(secondsPerWindow * (event.total() - event.done()))));
    }

    private void updateBar(IterationEvent event) {
        if (bar == null) {
            bar = new ProgressBarBuilder()
                    .setTaskName(prefix.isEmpty() ? "nst" : prefix.substring(0, prefix.length() - 2))
                    .setInitialMax(event.totalIterations())
                    .startsFrom(iterationsBefore, Duration.ZERO)
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(250)
                    .setConsumer(new ConsoleProgressBarConsumer(terminal))
                    .setUnit(" it", 1)
                    .build();
        }
        bar.stepTo(event.iteration());
        bar.setExtraMessage(String.format(Locale.ROOT, " %.2f s/it  %s%s", secondsPerIteration(event), level(event),
                losses(event.losses())));
    }

    String line(IterationEvent event) {
        double secondsPerIteration = secondsPerIteration(event);
        long etaSeconds = Math.round(secondsPerIteration * (event.totalIterations() - event.iteration()));
        return String.format(Locale.ROOT, "%siteration %d/%d  %s%s  %.2f s/it  ETA %s", prefix, event.iteration(),
                event.totalIterations(), level(event), losses(event.losses()), secondsPerIteration, Clock.of(etaSeconds));
    }

    /**
     * Seconds per iteration over this process's iterations, leaving out the work between steps: a
     * tiled run spends minutes on the style's statistics, which would inflate the speed and ETA.
     */
    private double secondsPerIteration(IterationEvent event) {
        return (event.elapsed().toNanos() - preparationNanos) / 1e9 / Math.max(1, event.iteration() - iterationsBefore);
    }

    /**
     * "scale 2/3 181x128  " in a coarse-to-fine run (the CLI's word for a level), "pass 1/2 tile 3/12  "
     * in a level optimised in tiles, both or nothing.
     */
    private static String level(IterationEvent event) {
        String scale = event.levelCount() == 1 ? "" : String.format(Locale.ROOT, "scale %d/%d %dx%d  ",
                event.level(), event.levelCount(), event.imageWidth(), event.imageHeight());
        String tile = event.tilePosition().map(position -> String.format(Locale.ROOT, "pass %d/%d tile %d/%d  ",
                position.pass(), position.passCount(), position.tile(), position.tileCount())).orElse("");
        return scale + tile;
    }

    private String losses(LossValues losses) {
        StringBuilder terms = new StringBuilder();
        if (mode != Mode.TEXTURE) {
            terms.append(String.format(Locale.ROOT, "content %.3g, ", losses.content()));
        }
        if (mode != Mode.CONTENT) {
            terms.append(String.format(Locale.ROOT, "style %.3g, ", losses.style()));
        }
        terms.append(String.format(Locale.ROOT, "tv %.3g", losses.totalVariation()));
        return String.format(Locale.ROOT, "loss %.4g (%s)", losses.total(), terms);
    }

    /** Ends the bar, or prints the last iteration's line if the run stopped between lines. */
    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        } else if (unprintedLine != null) {
            lines.println(unprintedLine);
            unprintedLine = null;
        }
    }
}
