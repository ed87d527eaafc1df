package io.github.nst4j.weights.download;

/** Passes one transfer's progress to a listener at most every 200 ms, plus a final report. */
final class ProgressThrottle {
    private static final long INTERVAL_NANOS = 200_000_000L;

    private final DownloadListener listener;
    private final long totalBytesOrMinus1;
    private final long startBytes;
    private final long startNanos = System.nanoTime();
    private long lastReportNanos = startNanos;

    /** @param startBytes bytes already on disk when the transfer began; they do not count for the speed */
    ProgressThrottle(DownloadListener listener, long startBytes, long totalBytesOrMinus1) {
        this.listener = listener;
        this.startBytes = startBytes;
        this.totalBytesOrMinus1 = totalBytesOrMinus1;
    }

    void update(long bytesDone) {
        long now = System.nanoTime();
        if (now - lastReportNanos >= INTERVAL_NANOS) {
            lastReportNanos = now;
            report(bytesDone, now);
        }
    }

    void finish(long bytesDone) {
        report(bytesDone, System.nanoTime());
    }

    private void report(long bytesDone, long now) {
        double seconds = Math.max(now - startNanos, 1) / 1e9;
        listener.onProgress(bytesDone, totalBytesOrMinus1, (bytesDone - startBytes) / seconds);
    }
}
