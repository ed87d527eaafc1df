package io.github.nst4j.cli.common;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns the first Ctrl-C (SIGINT) or SIGTERM into a request to stop after the current step (an
 * iteration, or a window of a tiled run's style statistics),
 * so the run can still write its best image; a second one ends the process at once. The previous
 * handlers come back on {@link #close()}.
 */
public final class InterruptGuard implements AutoCloseable {
    private static final int EXIT_ON_SECOND_SIGNAL = 130;

    private final SignalHandler previousInt;
    private final SignalHandler previousTerm;
    private volatile boolean interrupted;

    public InterruptGuard() {
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
        System.err.println("Stopping after this step to write the best image so far (" + signal.getName()
                + " again to quit now)");
    }

    @Override
    public void close() {
        Signal.handle(new Signal("INT"), previousInt);
        Signal.handle(new Signal("TERM"), previousTerm);
    }
}
