package io.github.nst4j.cli;

import io.github.nst4j.listener.IterationEvent;
import io.github.nst4j.listener.IterationListener;
import io.github.nst4j.listener.LossValues;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows progress: a live bar with iteration, losses and ETA on a terminal, or a plain line every
 * {@value #LINE_EVERY} iterations when the output is a file or pipe.
 */
final class ProgressReporter implements IterationListener, AutoCloseable {
    static final int LINE_EVERY = 10;

    private final PrintWriter lines;
    private final PrintStream terminal;
    private ProgressBar bar;

    /**
     * @param lines where plain progress lines go when there is no terminal
     * @param terminal the terminal for the live bar, or null
     */
    ProgressReporter(PrintWriter lines, PrintStream terminal) {
        this.lines = lines;
        this.terminal = terminal;
    }

    /** A bar on stderr when the process has a terminal, else plain lines to {@code lines}. */
    static ProgressReporter forConsole(PrintWriter lines) {
        return new ProgressReporter(lines, System.console() != null ? System.err : null);
    }

    @Override
    public void onIteration(IterationEvent event) {
        if (terminal != null) {
            updateBar(event);
        } else if (event.iteration() % LINE_EVERY == 0 || event.iteration() == event.totalIterations()
                || event.iteration() == 1) {
            lines.println(line(event));
        }
    }

    private void updateBar(IterationEvent event) {
        if (bar == null) {
            bar = new ProgressBarBuilder()
                    .setTaskName("nst")
                    .setInitialMax(event.totalIterations())
                    .setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(250)
                    .setConsumer(new ConsoleProgressBarConsumer(terminal))
                    .showSpeed(new java.text.DecimalFormat("0.00"))
                    .setUnit(" it", 1)
                    .build();
        }
        bar.stepTo(event.iteration());
        bar.setExtraMessage(scale(event) + losses(event.losses()));
    }

    static String line(IterationEvent event) {
        Duration elapsed = event.elapsed();
        double secondsPerIteration = elapsed.toNanos() / 1e9 / event.iteration();
        long etaSeconds = Math.round(secondsPerIteration * (event.totalIterations() - event.iteration()));
        return String.format(Locale.ROOT, "iteration %d/%d  %s%s  %.2f s/it  ETA %s", event.iteration(),
                event.totalIterations(), scale(event), losses(event.losses()), secondsPerIteration, clock(etaSeconds));
    }

    /** "scale 2/3 181x128  " in a coarse-to-fine run, nothing otherwise. */
    private static String scale(IterationEvent event) {
        return event.levelCount() == 1 ? "" : String.format(Locale.ROOT, "scale %d/%d %dx%d  ", event.level(),
                event.levelCount(), event.imageWidth(), event.imageHeight());
    }

    private static String losses(LossValues losses) {
        return String.format(Locale.ROOT, "loss %.4g (content %.3g, style %.3g, tv %.3g)", losses.total(),
                losses.content(), losses.style(), losses.totalVariation());
    }

    private static String clock(long seconds) {
        return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, (seconds / 60) % 60, seconds % 60);
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
