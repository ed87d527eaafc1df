package io.github.nst4j.cli.weights;

import io.github.nst4j.weights.download.DownloadListener;
import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows the weights download: a bar with MB, rate and ETA on a terminal, else a line every 10%; and
 * says in a line when a source is given up for the next.
 */
public final class DownloadProgress implements DownloadListener {
    private static final double MB = 1024 * 1024;

    private final PrintWriter lines;
    private final boolean terminal;
    private ProgressBar bar;
    private long nextLinePercent;

    /** @param terminal whether to draw a bar (on a console) rather than lines */
    public DownloadProgress(PrintWriter lines, boolean terminal) {
        this.lines = lines;
        this.terminal = terminal;
    }

    @Override
    public void onProgress(long bytesDone, long totalBytesOrMinus1, double bytesPerSecond) {
        if (terminal) {
            if (bar == null) {
                bar = new ProgressBarBuilder().setTaskName("VGG19 weights").setStyle(ProgressBarStyle.ASCII)
                        .setInitialMax(Math.max(totalBytesOrMinus1, 1)).setUnit(" MB", (long) MB)
                        .showSpeed().setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
            }
            bar.stepTo(bytesDone);
            if (totalBytesOrMinus1 > 0 && bytesDone >= totalBytesOrMinus1) {
                bar.close();
            }
            return;
        }
        long percent = totalBytesOrMinus1 > 0 ? 100 * bytesDone / totalBytesOrMinus1 : -1;
        if (percent >= nextLinePercent || percent < 0) {
            lines.println(String.format(Locale.ROOT, "downloading VGG19 weights: %.0f of %s MB (%.1f MB/s)",
                    bytesDone / MB, totalBytesOrMinus1 > 0 ? String.format(Locale.ROOT, "%.0f", totalBytesOrMinus1 / MB)
                            : "?", bytesPerSecond / MB));
            nextLinePercent = percent + 10;
        }
    }

    @Override
    public void onRetry(String reason) {
        restart();
        lines.println("download interrupted (" + reason + "); trying again");
    }

    @Override
    public void onFallback(String line) {
        restart();
        lines.println(line);
    }

    /** Ends the current bar or line count: another transfer follows. */
    private void restart() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
        nextLinePercent = 0;
    }
}
