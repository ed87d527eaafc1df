package io.github.nst4j.cli.transfer;

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
        return output.resolveSibling(String.format(Locale.ROOT, "%s_%04d%s", base(output), iteration,
                extension(output)));
    }

    /** Whether a file named {@code fileName} beside {@code output} is one of its checkpoints. */
    static boolean isCheckpointName(Path output, String fileName) {
        String base = base(output) + "_";
        String extension = extension(output);
        return fileName.length() > base.length() + extension.length() && fileName.startsWith(base)
                && fileName.endsWith(extension)
                && fileName.substring(base.length(), fileName.length() - extension.length()).chars()
                        .allMatch(Character::isDigit);
    }

    private static String base(Path output) {
        String name = output.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    private static String extension(Path output) {
        String name = output.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot);
    }
}
