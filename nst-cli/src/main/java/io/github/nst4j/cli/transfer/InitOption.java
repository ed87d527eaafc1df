package io.github.nst4j.cli.transfer;

import io.github.nst4j.InitMode;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;

/** The value of {@code --init}: {@code content}, {@code noise}, {@code style} or an image file. */
record InitOption(InitMode mode, Path file) {
    @Override
    public String toString() {
        return file != null ? file.toString() : mode.name().toLowerCase(Locale.ROOT);
    }

    /** The words content, noise and style (any case), else a file path. */
    static final class Converter implements ITypeConverter<InitOption> {
        @Override
        public InitOption convert(String value) {
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "content" -> new InitOption(InitMode.CONTENT, null);
                case "noise" -> new InitOption(InitMode.NOISE, null);
                case "style" -> new InitOption(InitMode.STYLE, null);
                default -> new InitOption(InitMode.IMAGE, Path.of(value));
            };
        }
    }
}
