package io.github.nst4j.cli.common;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;

/**
 * Every file a command will read and write, each with the option that names it, for every job of a
 * batch; {@link #clash} finds, before any work, a write that would destroy an input or another
 * write. Files compare by real path: symbolic links and {@code ..} resolved, so that an output
 * reached through a link to the content is the content.
 */
public final class RunFiles {
    /** The resume state a job writes; {@code --resume} may name it, as it is read whole before the run. */
    public static final String STATE = "the resume state of --output";

    private record Named(String option, Path file, Path real) {
    }

    private record Checkpointed(Named output, BiPredicate<Path, String> isCheckpointName) {
    }

    private final List<Named> reads = new ArrayList<>();
    private final List<Named> writes = new ArrayList<>();
    /** Outputs whose checkpoints {@code <output>_<iteration>.<ext>} will be written. */
    private final List<Checkpointed> checkpointed = new ArrayList<>();

    /** Notes that {@code option} reads {@code file}; null is ignored. */
    public void read(String option, Path file) {
        if (file != null) {
            reads.add(new Named(option, file, real(file)));
        }
    }

    /** Notes that {@code option} writes {@code file}; null is ignored. */
    public void write(String option, Path file) {
        if (file != null) {
            writes.add(new Named(option, file, real(file)));
        }
    }

    /**
     * Notes that checkpoints of {@code output} will be written beside it, under the file names
     * {@code isCheckpointName} accepts for that output.
     */
    public void writeCheckpoints(String option, Path output, BiPredicate<Path, String> isCheckpointName) {
        checkpointed.add(new Checkpointed(new Named(option, output, real(output)), isCheckpointName));
    }

    /** The first write that hits an input or another write, as one sentence with the fix; null when none does. */
    public String clash() {
        for (int i = 0; i < writes.size(); i++) {
            Named write = writes.get(i);
            for (Named read : reads) {
                if (write.real().equals(read.real()) && !(write.option().equals(STATE) && read.option().equals("--resume"))) {
                    return write.option() + " " + write.file() + " is the same file as the " + read.option() + " input "
                            + read.file() + "; choose another path so that the input is not overwritten";
                }
            }
            for (Named other : writes.subList(0, i)) {
                if (write.real().equals(other.real())) {
                    return other.option() + " and " + write.option() + " would both write " + write.file()
                            + "; give each its own file";
                }
            }
        }
        for (Checkpointed checkpoints : checkpointed) {
            Named output = checkpoints.output();
            for (Named read : reads) {
                if (read.real().getParent().equals(output.real().getParent())
                        && checkpoints.isCheckpointName().test(output.real(), read.real().getFileName().toString())) {
                    return output.option() + " would overwrite the " + read.option() + " input " + read.file()
                            + " with a checkpoint of " + output.file() + "; choose another --output";
                }
            }
        }
        return null;
    }

    /** The file's real path, or for a file not there yet, its nearest existing folder's real path and the rest. */
    private static Path real(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        try {
            return absolute.toRealPath();
        } catch (IOException e) {
            Path parent = absolute.getParent();
            return parent == null ? absolute : real(parent).resolve(absolute.getFileName());
        }
    }
}
