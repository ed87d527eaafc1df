package io.github.nst4j.cli.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * What an interrupted run left for its continuation beyond the resume state (which keeps the
 * losses): the time of each of its iterations, from its run record, and its animation frames, from
 * its GIF. A resumed run's record, chart and animation then cover the whole run. Either file may be
 * missing; what it would have given is then left out.
 *
 * @param elapsedMillis time of iterations 1, 2, ... of the earlier part, from its start
 * @param frames the earlier part's animation frames, without its final image
 */
record PreviousRun(List<Long> elapsedMillis, List<BufferedImage> frames) {
    static final PreviousRun NONE = new PreviousRun(List.of(), List.of());

    /** Time of the earlier part's last iteration, which the resumed part's times continue from. */
    long endMillis() {
        return elapsedMillis.isEmpty() ? 0 : elapsedMillis.get(elapsedMillis.size() - 1);
    }

    /** Reads the record and (if not null) the animation of the run that stopped after {@code iterationsDone}. */
    static PreviousRun read(Path record, Path animation, int iterationsDone) {
        return new PreviousRun(times(record, iterationsDone), animation == null ? List.of() : frames(animation));
    }

    private static List<Long> times(Path record, int iterationsDone) {
        if (!Files.isRegularFile(record)) {
            return List.of();
        }
        try {
            List<Long> times = new ArrayList<>();
            for (JsonNode step : new ObjectMapper().readTree(record.toFile()).path("iterations")) {
                if (step.path("iteration").asInt() <= iterationsDone && step.path("elapsedMillis").isNumber()) {
                    times.add(step.path("elapsedMillis").asLong());
                }
            }
            return times.size() == iterationsDone ? times : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static List<BufferedImage> frames(Path animation) {
        if (!Files.isRegularFile(animation)) {
            return List.of();
        }
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        try (ImageInputStream in = ImageIO.createImageInputStream(animation.toFile())) {
            reader.setInput(in);
            int count = reader.getNumImages(true);
            List<BufferedImage> frames = new ArrayList<>();
            // The last frame is the image the interrupted run returned; the resumed run ends with its own.
            for (int i = 0; i < count - 1; i++) {
                frames.add(reader.read(i));
            }
            return frames;
        } catch (IOException | RuntimeException e) {
            return List.of();
        } finally {
            reader.dispose();
        }
    }
}
