package io.github.nst4j.tests;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nst4j.examples.ApplyStyleModel;
import io.github.nst4j.examples.ContactSheet;
import io.github.nst4j.examples.TrainStyleModel;
import io.github.nst4j.examples.ExtractStyle;
import io.github.nst4j.examples.QuickStart;
import io.github.nst4j.examples.SampleImages;
import io.github.nst4j.examples.StylizePhoto;
import io.github.nst4j.weights.WeightsSource;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The README's section on the library stays true: its code is {@link QuickStart} as compiled (imports
 * and all), and its example commands are accepted by the examples, offline ones included.
 */
class ReadmeLibraryTest {
    private static final Path CLONE = SampleImages.locate().getParent().getParent();
    private static final Map<String, Supplier<CommandLine>> EXAMPLES = Map.of("StylizePhoto", StylizePhoto::commandLine,
            "ExtractStyle", ExtractStyle::commandLine, "ContactSheet", ContactSheet::commandLine,
            "TrainStyleModel", TrainStyleModel::commandLine, "ApplyStyleModel", ApplyStyleModel::commandLine);

    @TempDir
    Path dir;

    @Test
    void theReadmeShowsQuickStartAsItIsCompiled() throws IOException {
        String source = Files.readString(CLONE.resolve("nst-examples/src/main/java/io/github/nst4j/examples/QuickStart.java"));
        String withoutPackage = source.substring(source.indexOf("\n\n") + 2);

        assertThat(readme()).contains("```java\n" + withoutPackage + "```\n");
    }

    @Test
    void quickStartPaintsThePhoto() throws IOException {
        Path output = dir.resolve("out.png");

        BufferedImage image = QuickStart.paint(SampleImages.content("chelsea.png"), SampleImages.style("brick.png"),
                output, 48, 2, WeightsSource.random(1));

        assertThat(ImageIO.read(output.toFile()).getWidth()).isEqualTo(48);
        assertThat(image.getWidth()).isEqualTo(48);
    }

    @Test
    void theReadmeExampleCommandsAreAcceptedAndIncludeOfflineOnes() throws IOException {
        List<String[]> commands = readme().lines().filter(line -> line.startsWith("nst-examples/run "))
                .map(line -> line.substring("nst-examples/run ".length()).split(" ")).toList();

        assertThat(commands).hasSizeGreaterThanOrEqualTo(EXAMPLES.size());
        for (String[] command : commands) {
            String name = command[0];
            assertThat(EXAMPLES).as(name).containsKey(name);
            String[] args = Arrays.stream(command).skip(1)
                    .map(arg -> arg.startsWith("nst-examples/") ? CLONE.resolve(arg).toString() : arg)
                    .toArray(String[]::new);
            EXAMPLES.get(name).get().parseArgs(args);
        }
        assertThat(commands).as("offline runs").anySatisfy(command ->
                assertThat(String.join(" ", command)).contains("--weights untrained"));
    }

    private static String readme() throws IOException {
        return Files.readString(CLONE.resolve("README.md"));
    }
}
