package io.github.nst4j.cli.common;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns the first Ctrl-C (SIGINT) or SIGTERM into a request to stop after the current step (an
 * iteration, a window of a tiled run's style statistics, a training step or a video frame), so
 * the job can still keep what it made; a second one ends the process at once. The previous
 * handlers come back on {@link #close()}.
 */
public final class InterruptGuard implements AutoCloseable {
    private static final int EXIT_ON_SECOND_SIGNAL = 130;

    private final SignalHandler previousInt;
    private final SignalHandler previousTerm;
    private final String keeps;
    private volatile boolean interrupted;

    /** @param keeps what the job keeps when it stops, told on the first signal ("the best image so far") */
    public InterruptGuard(String keeps) {
        this.keeps = keeps;
        SignalHandler handler = this::onSignal;
        previousInt = Signal.handle(new Signal("INT"), handler);
        previousTerm = Signal.handle(new Signal("TERM"), handler);
    }

    /** True once a stop signal arrived. */
    public boolean interrupted() {
        return interrupted;
    }

    private void onSignal(Signal signal) {
        if (interrupted) {
            Runtime.getRuntime().halt(EXIT_ON_SECOND_SIGNAL);
        }
        interrupted = true;
        System.err.println("Stopping after this step; keeping " + keeps + " (" + signal.getName()
                + " again to quit now)");
    }

    @Override
    public void close() {
        Signal.handle(new Signal("INT"), previousInt);
        Signal.handle(new Signal("TERM"), previousTerm);
    }
}
