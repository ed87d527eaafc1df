package io.github.nst4j.weights;

import io.github.nst4j.network.InputConvention;
import io.github.nst4j.network.Vgg19Weights;
import java.nio.file.Path;

/** Weights from a local file in any format {@link WeightsFile} recognises. */
final class FileWeightsSource implements WeightsSource {
    private final Path file;
    private final InputConvention convention;

    /** @param convention the input convention, or null for the format's own */
    FileWeightsSource(Path file, InputConvention convention) {
        this.file = file;
        this.convention = convention;
    }

    @Override
    public Vgg19Weights load() {
        return WeightsFile.load(file, convention);
    }

    @Override
    public String description() {
        return "file " + file + (convention == null ? "" : " (" + convention.name().toLowerCase() + " input)");
    }

}
