package io.github.nst4j.cli.transfer;

import io.github.nst4j.image.Images;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks, before any work, that a file the run will read is there: it exists, and is a file where
 * a file is wanted. Each problem is one sentence naming the option, the user's path and the fix,
 * so that a typo is a usage error rather than a failure found halfway through a run or a batch.
 */
final class InputChecks {
    private InputChecks() {
    }

    /**
     * The problem with reading the file {@code file} for {@code option}, or null when there is none.
     *
     * @param wanted what to give instead of a directory, e.g. "an image file"
     */
    static String fileProblem(String option, Path file, String wanted) {
        if (Files.isDirectory(file)) {
            return option + " names a directory, " + file + "; give " + wanted;
        }
        return missing(option, file);
    }

    /**
     * The problem with a {@code --resume} value, or null. Users who want more iterations of a
     * finished run give its result image, or the state it removed when it finished (a missing
     * {@code out.png.state.npz} beside an {@code out.png}): both get the way to go on from the result.
     */
    static String resumeProblem(Path state) {
        Path result = OutputPaths.outputOfState(state);
        if (result != null && !Files.exists(state) && Files.isRegularFile(result)) {
            return "--resume: " + state + " not found: the run that wrote " + result + " finished, and a finished"
                    + " run keeps no state; to go further from its result, start a new run with --init " + result;
        }
        if (result == null && Files.isRegularFile(state) && Images.isInputImage(state.getFileName().toString())) {
            return "--resume names " + state + ", an image, not a run state; to go further from it, start a new run"
                    + " with --init " + state;
        }
        return fileProblem("--resume", state, "the .state.npz file an interrupted run wrote");
    }

    /** The problem with a {@code --content} value, an image file or a directory of images, or null. */
    static String contentProblem(Path content) {
        if (Files.isDirectory(content)) {
            return Images.inDirectory(content).isEmpty() ? "--content: no JPEG, PNG, BMP or GIF images in the"
                    + " directory " + content + "; give image files or a directory that holds some" : null;
        }
        return missing("--content", content);
    }

    private static String missing(String option, Path file) {
        if (!Files.exists(file)) {
            return option + ": " + file + " not found; check the path";
        }
        return Files.isReadable(file) ? null : option + ": " + file + " is not readable; check its permissions";
    }
}
