package io.github.nst4j;

import io.github.nst4j.image.ImageWriter;
import io.github.nst4j.listener.LossValues;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The outcome of {@link StyleTransfer#run}.
 *
 * @param image the generated image with the lowest total loss seen
 * @param bestIteration how many optimisation steps had been applied to {@code image}: 0 for the
 *     starting image, {@code lossHistory().size()} for the image after the last step (whose loss is
 *     not in the history, since each entry scores the image a step started from)
 * @param lossHistory the weighted losses of every step, in order
 * @param stoppedEarly true when a listener asked the run to stop
 * @param elapsed time spent optimising
 */
public record StyleTransferResult(BufferedImage image, int bestIteration, List<LossValues> lossHistory,
        boolean stoppedEarly, Duration elapsed) {
    public StyleTransferResult {
        lossHistory = List.copyOf(lossHistory);
    }

    /** Writes the image as PNG or JPEG (by extension), atomically. */
    public void save(Path file) {
        ImageWriter.write(image, file);
    }
}
