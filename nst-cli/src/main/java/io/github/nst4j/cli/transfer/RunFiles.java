package io.github.nst4j.cli.transfer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Every file a command will read and write, each with the option that names it, for every job of a
 * batch; {@link #clash} finds, before any work, a write that would destroy an input or another
 * write. Files compare by real path: symbolic links and {@code ..} resolved, so that an output
 * reached through a link to the content is the content.
 */
final class RunFiles {
    /** The resume state a job writes; {@code --resume} may name it, as it is read whole before the run. */
    static final String STATE = "the resume state of --output";

    private record Named(String option, Path file, Path real) {
    }

    private final List<Named> reads = new ArrayList<>();
    private final List<Named> writes = new ArrayList<>();
    /** Outputs whose checkpoints {@code <output>_<iteration>.<ext>} will be written. */
    private final List<Named> checkpointed = new ArrayList<>();

    /** Notes that {@code option} reads {@code file}; null is ignored. */
    void read(String option, Path file) {
        if (file != null) {
            reads.add(new Named(option, file, real(file)));
        }
    }

    /** Notes that {@code option} writes {@code file}; null is ignored. */
    void write(String option, Path file) {
        if (file != null) {
            writes.add(new Named(option, file, real(file)));
        }
    }

    /** Notes that checkpoints of {@code output} will be written beside it. */
    void writeCheckpoints(String option, Path output) {
        checkpointed.add(new Named(option, output, real(output)));
    }

    /** The first write that hits an input or another write, as one sentence with the fix; null when none does. */
    String clash() {
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
        for (Named output : checkpointed) {
            for (Named read : reads) {
                if (read.real().getParent().equals(output.real().getParent())
                        && CheckpointWriter.isCheckpointName(output.real(), read.real().getFileName().toString())) {
                    return "--save-every would overwrite the " + read.option() + " input " + read.file()
                            + " with a checkpoint of " + output.file() + "; choose another --output";
                }
            }
        }
        return null;
    }

    /** The file's real path, or for a file not there yet, its nearest existing folder's real path and the rest. */
    static Path real(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        try {
            return absolute.toRealPath();
        } catch (IOException e) {
            Path parent = absolute.getParent();
            return parent == null ? absolute : real(parent).resolve(absolute.getFileName());
        }
    }
}
