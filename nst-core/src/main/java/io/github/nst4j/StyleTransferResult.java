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
 * @param image the generated image with the lowest total loss seen at the last scale (for luminance
 *     transfer, combined with the content's colours)
 * @param bestIteration how many evaluations, over all scales, came before the one that scored
 *     {@code image}: for Adam, the number of steps applied to it; {@code lossHistory().size()} for
 *     the image after Adam's last step, scored by a final forward pass outside the history
 * @param lossHistory the weighted losses of every evaluation, in order, over all scales
 * @param stoppedEarly true when a listener asked the run to stop
 * @param elapsed time spent optimising
 * @param resumeState when stopped early, the state {@link StyleTransferBuilder#resumeFrom} continues
 *     from; null otherwise
 */
public record StyleTransferResult(BufferedImage image, int bestIteration, List<LossValues> lossHistory,
        boolean stoppedEarly, Duration elapsed, RunState resumeState) {
    public StyleTransferResult {
        lossHistory = List.copyOf(lossHistory);
    }

    /** Writes the image as PNG or JPEG (by extension), atomically. */
    public void save(Path file) {
        ImageWriter.write(image, file);
    }
}
