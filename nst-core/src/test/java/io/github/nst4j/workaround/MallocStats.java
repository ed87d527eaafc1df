package io.github.nst4j.workaround;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Structure;
import java.util.List;

/**
 * The bytes glibc's allocator has handed out and not had back ({@code mallinfo2}: {@code uordblks}
 * plus {@code hblkhd}, the mmapped large chunks), over all arenas. ND4J's CPU arrays are allocated by
 * libnd4j with {@code malloc} and javacpp does not count them ({@code Pointer.totalBytes()} stays
 * 0), so this is the figure that shows native arrays left alive, unlike the resident size, which also
 * holds freed pages glibc keeps, and the Java heap. The JVM's own allocations (the JIT's, for
 * one) count too, so compare figures taken a few steps apart rather than expecting exact equality.
 */
public final class MallocStats {
    private static final Function MALLINFO2 = mallinfo2();

    private MallocStats() {
    }

    /** glibc's {@code struct mallinfo2}. */
    public static final class Info extends Structure implements Structure.ByValue {
        public long arena;
        public long ordblks;
        public long smblks;
        public long hblks;
        public long hblkhd;
        public long usmblks;
        public long fsmblks;
        public long uordblks;
        public long fordblks;
        public long keepcost;

        @Override
        protected List<String> getFieldOrder() {
            return List.of("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks",
                    "fordblks", "keepcost");
        }
    }

    /** Bytes of native memory allocated and not freed, or -1 where glibc's {@code mallinfo2} is missing. */
    public static long inUseBytes() {
        if (MALLINFO2 == null) {
            return -1;
        }
        Info info = (Info) MALLINFO2.invoke(Info.class, new Object[0]);
        return info.uordblks + info.hblkhd;
    }

    private static Function mallinfo2() {
        if (!Platform.isLinux()) {
            return null;
        }
        try {
            return NativeLibrary.getInstance("c").getFunction("mallinfo2");
        } catch (UnsatisfiedLinkError e) {
            return null;
        }
    }
}
