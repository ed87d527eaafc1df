package io.github.nst4j.internal;

import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Runs a task with {@code System.out} discarded. SameDiff 1.0.0-M2.1 prints a line per operation
 * to standard output while it builds a gradient function ("Added differentiated op ..."), which
 * would bury the tool's own output. Other threads writing to {@code System.out} meanwhile lose
 * their output too, so keep the task short.
 */
public final class SilentStdout {
    private static final PrintStream DISCARD = new PrintStream(OutputStream.nullOutputStream());

    private SilentStdout() {
    }

    public static synchronized void run(Runnable task) {
        PrintStream original = System.out;
        System.setOut(DISCARD);
        try {
            task.run();
        } finally {
            System.setOut(original);
        }
    }
}
