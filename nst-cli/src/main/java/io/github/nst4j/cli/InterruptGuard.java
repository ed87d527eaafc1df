package io.github.nst4j.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Turns Ctrl-C (SIGINT) or SIGTERM into a request to stop after the current iteration: the JVM's
 * shutdown hook raises a flag and waits until the run has written its best image.
 */
final class InterruptGuard implements AutoCloseable {
    /** How long the hook waits for the image to be written before the JVM exits anyway. */
    private static final long MAX_WAIT_SECONDS = 120;

    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook = new Thread(this::awaitFinish, "nst-interrupt");
    private volatile boolean interrupted;

    InterruptGuard() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** True once a stop signal arrived. */
    boolean interrupted() {
        return interrupted;
    }

    private void awaitFinish() {
        interrupted = true;
        try {
            finished.await(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Lets a pending shutdown proceed; call when the output is written (or the run failed). */
    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running already and will now return.
        }
    }
}
