package io.github.nst4j.cli.transfer;

import io.github.nst4j.error.NstException;
import io.github.nst4j.storage.AtomicFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Keeps two runs from writing the same output at once: an OS file lock on a lock file beside the
 * output, held until {@link #close()} (also on Ctrl-C, which ends the run normally). If the process
 * dies, the OS releases the lock, so a stale lock file never blocks a later run.
 */
final class OutputLock implements AutoCloseable {
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private OutputLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks {@code output} for this run.
     *
     * @throws NstException when another run holds it, or the lock file cannot be created
     */
    static OutputLock acquire(Path output) {
        Path file = OutputPaths.lock(output);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return new OutputLock(file, channel, lock);
            }
        } catch (OverlappingFileLockException e) {
            // Held by this very process: another batch job or an embedding caller.
        } catch (IOException e) {
            closeQuietly(channel);
            throw new NstException("Cannot lock " + output + " (" + e.getMessage() + "); check that its directory is"
                    + " writable", e);
        }
        closeQuietly(channel);
        throw new NstException("Another nst run is writing " + output + " (it holds " + file + "); wait for it to"
                + " finish or choose another --output");
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // Closing the channel releases it as well.
        }
        closeQuietly(channel);
        AtomicFiles.deleteQuietly(file);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // Nothing more to release.
            }
        }
    }
}
