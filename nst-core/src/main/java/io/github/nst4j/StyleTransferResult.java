package io.github.nst4j;

import io.github.nst4j.image.ImageWriter;
import io.github.nst4j.listener.EarlyStop;
import io.github.nst4j.listener.LossValues;
import io.github.nst4j.tile.TileResult;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The outcome of {@link StyleTransfer#run}.
 *
 * @param image the generated image with the lowest total loss seen at the last pyramid level (for
 *     luminance transfer, combined with the content's colours)
 * @param bestIteration the iteration that scored {@code image}, numbered from 1 over all levels as in
 *     the {@link io.github.nst4j.listener.IterationEvent}s and {@code lossHistory} (its entry
 *     {@code bestIteration - 1}); the last iteration when the image after the final step, scored by
 *     a forward pass at the end, was best. In a multi-level run it always lies in the last level,
 *     after its first iteration (which scores the previous level's result)
 * @param bestLoss the total loss of {@code image}
 * @param lossHistory the weighted losses of every evaluation, in order, over all levels
 * @param earlyStops the levels that stopped before their iterations because the loss had stopped
 *     improving (see {@link StyleTransferBuilder#tolerance}); empty when none did
 * @param stoppedEarly true when a listener asked the run to stop
 * @param elapsed time spent optimising
 * @param resumeState when stopped early, the state {@link StyleTransferBuilder#resumeFrom} continues
 *     from; null otherwise
 * @param tiles for levels optimised in tiles (too large for memory whole), each tile's pass, regions and
 *     losses, in order; empty when every level was optimised whole. The last level's image is then the
 *     one after its last tile, {@code bestLoss} its whole-image loss measured tile by tile (NaN if a
 *     listener stopped that measurement), and {@code lossHistory} holds the tiles' losses
 */
public record StyleTransferResult(BufferedImage image, int bestIteration, double bestLoss, List<LossValues> lossHistory,
        List<EarlyStop> earlyStops, boolean stoppedEarly, Duration elapsed, ResumeState resumeState,
        List<TileResult> tiles) {
    public StyleTransferResult {
        lossHistory = List.copyOf(lossHistory);
        earlyStops = List.copyOf(earlyStops);
        tiles = List.copyOf(tiles);
    }

    /** Writes the image as PNG or JPEG (by extension), atomically. */
    public void save(Path file) {
        ImageWriter.write(image, file);
    }
}
