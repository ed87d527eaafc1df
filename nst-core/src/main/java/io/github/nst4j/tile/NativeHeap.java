package io.github.nst4j.tile;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;

/**
 * Between tiles, lets go of what the previous tile left: the garbage collector finds the arrays
 * ND4J frees only when collected, and glibc hands the C heap's free pages back to the system
 * ({@code malloc_trim}), which it otherwise keeps. Without the second, the resident size of a long
 * tiled run creeps up by megabytes a tile, as the freed arrays of windows of different shapes leave
 * the heap fragmented. Elsewhere than on glibc, the collection alone.
 */
final class NativeHeap {
    private static final Function TRIM = trimFunction();

    private NativeHeap() {
    }

    /**
     * Collects the garbage, and trims the C heap; ND4J frees collected arrays on its own thread, so
     * what this collection finds is returned to the system by the next call.
     */
    static void release() {
        System.gc();
        if (TRIM != null) {
            TRIM.invokeInt(new Object[] {new NativeLong(0)});
        }
    }

    private static Function trimFunction() {
        if (!Platform.isLinux()) {
            return null;
        }
        try {
            return NativeLibrary.getInstance("c").getFunction("malloc_trim");
        } catch (UnsatisfiedLinkError e) {
            return null; // a C library without it (musl)
        }
    }
}
