package io.github.nst4j.workaround;

import java.io.OutputStream;
import java.io.PrintStream;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * Creates a SameDiff graph's gradient function and returns it.
 *
 * <p>Two workarounds for SameDiff 1.0.0-M2.1. Its {@code createGradFunction} prints a line per op
 * to {@code System.out} ("Added differentiated op ..."), unconditionally, which would bury the
 * output of any application. While it runs, {@code System.out} is wrapped so that the building
 * thread's lines are dropped and every other thread's pass through unchanged. And the function's
 * key, {@code SameDiff.GRAD_FN_KEY}, is not public, so it is restated here.
 */
public final class GradientFunction {
    /** {@code SameDiff.GRAD_FN_KEY}, private in 1.0.0-M2.1. */
    private static final String KEY = "grad";

    private GradientFunction() {
    }

    /**
     * Creates the gradient function of {@code sd}'s loss variables and returns it.
     *
     * @throws IllegalStateException if SameDiff did not create one
     */
    public static SameDiff create(SameDiff sd) {
        runQuietly(sd::createGradFunction);
        SameDiff function = sd.getFunction(KEY);
        if (function == null) {
            throw new IllegalStateException("SameDiff did not create its gradient function '" + KEY + "'");
        }
        return function;
    }

    /** Runs {@code task} with this thread's writes to {@code System.out} dropped; other threads' pass. */
    static synchronized void runQuietly(Runnable task) {
        PrintStream original = System.out;
        PrintStream filtered = new PrintStream(new ThreadFilter(original, Thread.currentThread()), true);
        System.setOut(filtered);
        try {
            task.run();
        } finally {
            // Leave a stream someone else set meanwhile alone.
            if (System.out == filtered) {
                System.setOut(original);
            }
        }
    }

    /** Drops bytes written by one thread and passes everyone else's to the real stream. */
    private static final class ThreadFilter extends OutputStream {
        private final PrintStream target;
        private final Thread silenced;

        ThreadFilter(PrintStream target, Thread silenced) {
            this.target = target;
            this.silenced = silenced;
        }

        @Override
        public void write(int b) {
            if (Thread.currentThread() != silenced) {
                target.write(b);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            if (Thread.currentThread() != silenced) {
                target.write(bytes, offset, length);
            }
        }

        @Override
        public void flush() {
            target.flush();
        }
    }
}
