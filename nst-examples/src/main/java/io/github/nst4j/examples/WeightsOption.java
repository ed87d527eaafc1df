package io.github.nst4j.examples;

import io.github.nst4j.weights.WeightsSource;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The examples' {@code --weights zoo|untrained|random|FILE} option (a picocli mixin), as {@code nst}'s. */
public final class WeightsOption {
    @Option(names = "--weights", paramLabel = "zoo|untrained|random|FILE", defaultValue = ExampleWeights.ZOO,
            converter = Checked.class,
            description = "VGG19 weights: zoo (pretrained, downloaded once, ~550 MB), a local file (the zoo's"
                    + " vgg19_dl4j_inference.zip, a Keras VGG19 .h5 or a .npz, see README), untrained (no download: a"
                    + " plainer but real style transfer), or random (a pipeline check only, not a style transfer).")
    private String value;

    /** The weights named, reporting a zoo download to {@code progress}. */
    public WeightsSource source(PrintWriter progress) {
        return ExampleWeights.parse(value, new DownloadLines(progress));
    }

    /** Refuses a weights file that is not there when the command line is read, not when the run starts. */
    static final class Checked implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String word = value.trim().toLowerCase(Locale.ROOT);
            boolean named = word.equals(ExampleWeights.ZOO) || word.equals(ExampleWeights.RANDOM);
            if (named || Files.isRegularFile(Path.of(value))) {
                return value;
            }
            throw new TypeConversionException("no weights file " + value + " (give zoo, random, or the path of the"
                    + " zoo's .zip, a Keras .h5 or a .npz)");
        }
    }
}
