package io.github.nst4j.cli;

import io.github.nst4j.image.ImageWriter;
import io.github.nst4j.listener.IterationEvent;
import io.github.nst4j.listener.IterationListener;
import java.nio.file.Path;
import java.util.Locale;

/** Writes the current image every N iterations as {@code <output>_<iteration>.<ext>}. */
final class CheckpointWriter implements IterationListener {
    private final Path output;
    private final int every;
    private final java.io.PrintWriter err;

    CheckpointWriter(Path output, int every, java.io.PrintWriter err) {
        this.output = output;
        this.every = every;
        this.err = err;
    }

    /** A failed checkpoint (e.g. a full disk) is reported but does not end the run. */
    @Override
    public void onIteration(IterationEvent event) {
        if (event.iteration() % every == 0 && event.iteration() < event.totalIterations()) {
            try {
                ImageWriter.write(event.currentImage(), checkpointPath(output, event.iteration()));
            } catch (io.github.nst4j.error.NstException e) {
                err.println("nst: warning: checkpoint not written: " + e.getMessage());
            }
        }
    }

    /** {@code out.png} at iteration 50 becomes {@code out_0050.png} (zero-padded so files sort). */
    static Path checkpointPath(Path output, int iteration) {
        String name = output.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot < 0 ? name : name.substring(0, dot);
        String extension = dot < 0 ? "" : name.substring(dot);
        return output.resolveSibling(String.format(Locale.ROOT, "%s_%04d%s", base, iteration, extension));
    }
}
