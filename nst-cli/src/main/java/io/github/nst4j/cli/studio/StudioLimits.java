package io.github.nst4j.cli.studio;

/**
 * What one studio session may hold at once, so that no sequence of requests exhausts the server:
 * the images it keeps, the styles of a run and the pages it streams events to.
 *
 * @param imagePixels pixels of all the images held together (4 bytes each in memory)
 * @param images images held
 * @param stylesPerRun style images of one run: their statistics are computed one after another
 *     before the first step, while Stop waits
 * @param eventStreams pages receiving events at once, each holding a server thread
 */
record StudioLimits(long imagePixels, int images, int stylesPerRun, int eventStreams) {
    /** Largest pixel budget: four 50-megapixel photos. */
    static final long MAX_IMAGE_PIXELS = 200_000_000L;
    static final int IMAGES = 64;
    static final int STYLES_PER_RUN = 8;
    static final int EVENT_STREAMS = 16;

    /**
     * Limits for a Java heap of {@code maxHeapBytes}: the images held take at most a quarter of it
     * (decoding the next upload and the run need the rest), and never more than
     * {@value #MAX_IMAGE_PIXELS} pixels.
     */
    static StudioLimits forHeap(long maxHeapBytes) {
        long pixels = Math.min(MAX_IMAGE_PIXELS, maxHeapBytes / 4 / Integer.BYTES);
        return new StudioLimits(pixels, IMAGES, STYLES_PER_RUN, EVENT_STREAMS);
    }
}
