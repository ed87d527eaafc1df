package io.github.nst4j.cli;

import io.github.nst4j.error.NstException;
import io.github.nst4j.image.ImageWriter;
import io.github.nst4j.listener.IterationEvent;
import io.github.nst4j.listener.IterationListener;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Writes the current image every N iterations as {@code <output>_<iteration>.<ext>} (N = 0: never). */
final class CheckpointWriter implements IterationListener {
    private final Path output;
    private final int every;
    private final PrintWriter err;
    private final List<Path> written = new ArrayList<>();

    CheckpointWriter(Path output, int every, PrintWriter err) {
        this.output = output;
        this.every = every;
        this.err = err;
    }

    /** A failed checkpoint (e.g. a full disk) is reported but does not end the run. */
    @Override
    public void onIteration(IterationEvent event) {
        if (every > 0 && event.iteration() % every == 0 && event.iteration() < event.totalIterations()) {
            Path file = checkpointPath(output, event.iteration());
            try {
                ImageWriter.write(event.wholeImage(), file);
                written.add(file);
            } catch (NstException e) {
                err.println("nst: warning: checkpoint not written: " + e.getMessage());
            }
        }
    }

    /** The checkpoints written so far. */
    List<Path> written() {
        return List.copyOf(written);
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
