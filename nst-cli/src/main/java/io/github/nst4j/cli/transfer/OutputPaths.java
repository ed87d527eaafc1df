package io.github.nst4j.cli.transfer;

import java.nio.file.Path;

/**
 * The files a run writes beside its output, named after the output's full file name so that
 * {@code out.png} and {@code out.jpg} in one directory never share them.
 */
final class OutputPaths {
    private static final String STATE_SUFFIX = ".state.npz";

    private OutputPaths() {
    }

    /** {@code out.png} gets the run record {@code out.png.json}. */
    static Path record(Path output) {
        return sibling(output, "", ".json");
    }

    /** {@code out.png} gets the resume state {@code out.png.state.npz}. */
    static Path state(Path output) {
        return sibling(output, "", STATE_SUFFIX);
    }

    /** The output whose resume state {@code state} is named as, or null for another name. */
    static Path outputOfState(Path state) {
        String name = state.getFileName().toString();
        return name.endsWith(STATE_SUFFIX) ? state.resolveSibling(name.substring(0, name.length()
                - STATE_SUFFIX.length())) : null;
    }

    /** {@code out.png} gets the lock {@code .out.png.lock}, held while a run writes it. */
    static Path lock(Path output) {
        return sibling(output, ".", ".lock");
    }

    private static Path sibling(Path output, String prefix, String suffix) {
        return output.resolveSibling(prefix + output.getFileName() + suffix);
    }
}
