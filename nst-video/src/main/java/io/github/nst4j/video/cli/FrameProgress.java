package io.github.nst4j.video.cli;

import io.github.nst4j.cli.common.InterruptGuard;
import io.github.nst4j.listener.IterationListener;
import io.github.nst4j.video.ClipListener;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * One line per frame done, with the time per frame and the estimated time left (from the mean of the
 * frames done in this run); Ctrl-C stops the frame in progress.
 */
final class FrameProgress implements ClipListener {
    private final PrintWriter out;
    private final InterruptGuard guard;
    private final int resumedAfter;
    private double seconds;

    FrameProgress(PrintWriter out, InterruptGuard guard, int resumedAfter) {
        this.out = out;
        this.guard = guard;
        this.resumedAfter = resumedAfter;
    }

    @Override
    public IterationListener frameStarted(int number, int total) {
        return event -> {
            if (guard.interrupted()) {
                event.requestStop();
            }
        };
    }

    @Override
    public void frameDone(int number, int total, double frameSeconds) {
        seconds += frameSeconds;
        double perFrame = seconds / (number - resumedAfter);
        out.printf(Locale.ROOT, "Frame %d/%d  %.2f s  ETA %s%n", number, total, frameSeconds,
                duration(perFrame * Math.max(0, total - number)));
        out.flush();
    }

    @Override
    public boolean stopRequested() {
        return guard.interrupted();
    }

    @Override
    public void encoding(int frames) {
        out.printf(Locale.ROOT, "Encoding %d frames...%n", frames);
        out.flush();
    }

    private static String duration(double seconds) {
        long whole = Math.round(seconds);
        return whole >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", whole / 3600, whole % 3600 / 60)
                : String.format(Locale.ROOT, "%dm%02ds", whole / 60, whole % 60);
    }
}
