package io.github.nst4j.examples;

import io.github.nst4j.weights.WeightsSource;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The examples' {@code --weights NAME|FILE} option (a picocli mixin), as {@code nst}'s. */
public final class WeightsOption {
    @Option(names = "--weights", paramLabel = "NAME|FILE", defaultValue = ExampleWeights.PRETRAINED,
            converter = Checked.class,
            description = "VGG19 weights: pretrained (downloaded once: the zoo's, else Keras', else torchvision's),"
                    + " or zoo, keras or torchvision alone; a local file (a .pth, a Keras VGG19 .h5, a .npz or the"
                    + " zoo's vgg19_dl4j_inference.zip, see README); untrained (no download: a plainer but real style"
                    + " transfer); or random (a pipeline check only, not a style transfer).")
    private String value;

    /** The weights named, reporting a download to {@code progress}. */
    public WeightsSource source(PrintWriter progress) {
        return ExampleWeights.parse(value, new DownloadLines(progress));
    }

    /** Refuses a weights file that is not there when the command line is read, not when the run starts. */
    static final class Checked implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            if (ExampleWeights.WORDS.contains(value.trim().toLowerCase(Locale.ROOT)) || Files.isRegularFile(Path.of(value))) {
                return value;
            }
            throw new TypeConversionException("no weights file " + value + " (give " + String.join(", ",
                    ExampleWeights.WORDS) + ", or the path of a .pth, a Keras .h5, a .npz or the zoo's .zip)");
        }
    }
}
