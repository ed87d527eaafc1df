package io.github.nst4j.weights.download;

import org.slf4j.LoggerFactory;

/** Hears how a {@link Download} is going, e.g. to draw a progress bar. Called on the downloading thread. */
@FunctionalInterface
public interface DownloadListener {
    /** A listener that ignores progress and retries; a fallback is still logged (see {@link #onFallback}). */
    DownloadListener NONE = (bytesDone, totalBytesOrMinus1, bytesPerSecond) -> { };

    /**
     * Reports progress, at most every 200 ms and once more when a transfer ends.
     *
     * @param bytesDone bytes of the file on disk so far, including any resumed part
     * @param totalBytesOrMinus1 the size of the whole file, or -1 when the server does not say
     * @param bytesPerSecond the average speed of the current transfer
     */
    void onProgress(long bytesDone, long totalBytesOrMinus1, double bytesPerSecond);

    /** Reports that the download starts again, and why (a cut connection, a checksum mismatch). */
    default void onRetry(String reason) {
    }

    /**
     * Reports, in one line, that a source of pretrained weights could not be had and the next one is
     * tried, e.g. {@code "The zoo weights are unavailable (HTTP 404 Not Found); trying keras"}. Logged
     * as a warning by default, so that a fallback is never silent.
     */
    default void onFallback(String line) {
        LoggerFactory.getLogger(DownloadListener.class).warn(line);
    }
}
