package io.github.nst4j.examples;

import io.github.nst4j.weights.download.DownloadListener;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Reports the one-time download of the pretrained weights: a line at the start and every tenth of it
 * (every 50 MB when the server does not say the size), and a line when a source is given up for the next.
 */
final class DownloadLines implements DownloadListener {
    private static final double MB = 1024 * 1024;

    private final PrintWriter out;
    private long nextLineAt;

    DownloadLines(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void onProgress(long bytesDone, long totalBytesOrMinus1, double bytesPerSecond) {
        if (bytesDone < nextLineAt) {
            return;
        }
        String total = totalBytesOrMinus1 > 0 ? String.format(Locale.ROOT, "%.0f", totalBytesOrMinus1 / MB) : "?";
        out.printf(Locale.ROOT, "downloading the VGG19 weights (once): %.0f of %s MB, %.1f MB/s%n", bytesDone / MB, total,
                bytesPerSecond / MB);
        out.flush();
        nextLineAt = bytesDone + (totalBytesOrMinus1 > 0 ? totalBytesOrMinus1 / 10 : (long) (50 * MB));
    }

    @Override
    public void onRetry(String reason) {
        out.println("download interrupted (" + reason + "); trying again");
        out.flush();
        nextLineAt = 0;
    }

    @Override
    public void onFallback(String line) {
        out.println(line);
        out.flush();
        nextLineAt = 0;
    }
}
