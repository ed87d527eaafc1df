package io.github.nst4j.examples;

import io.github.nst4j.listener.IterationEvent;
import io.github.nst4j.listener.IterationListener;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress of a run as plain lines: the first iteration, every tenth of the run and the last, each
 * with the loss, the speed so far and the time left, e.g.
 * {@code iteration 30/300  loss 1.234e+07  0.52 s/it  ETA 0:02:20}.
 */
final class ProgressLines implements IterationListener {
    private static final int LINES_PER_RUN = 10;

    private final PrintWriter out;
    private final String prefix;

    /**
     * @param out where the lines go
     * @param prefix starts every line (e.g. which pair of a contact sheet), or empty
     */
    ProgressLines(PrintWriter out, String prefix) {
        this.out = out;
        this.prefix = prefix;
    }

    @Override
    public void onIteration(IterationEvent event) {
        int every = Math.max(1, event.totalIterations() / LINES_PER_RUN);
        if (event.iteration() == 1 || event.iteration() % every == 0 || event.iteration() == event.totalIterations()) {
            double secondsPerIteration = event.elapsed().toNanos() / 1e9 / event.iteration();
            long secondsLeft = Math.round(secondsPerIteration * (event.totalIterations() - event.iteration()));
            out.printf(Locale.ROOT, "%siteration %d/%d  loss %.4g  %.2f s/it  ETA %s%n", prefix, event.iteration(),
                    event.totalIterations(), event.losses().total(), secondsPerIteration, clock(secondsLeft));
            out.flush();
        }
    }

    /** {@code seconds} as {@code h:mm:ss}. */
    static String clock(long seconds) {
        return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, (seconds / 60) % 60, seconds % 60);
    }
}
