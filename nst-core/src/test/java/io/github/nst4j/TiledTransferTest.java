package io.github.nst4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nst4j.error.InvalidSettingException;
import io.github.nst4j.listener.IterationEvent;
import io.github.nst4j.listener.IterationListener;
import io.github.nst4j.listener.PreparationEvent;
import io.github.nst4j.network.VggLayer;
import io.github.nst4j.plan.Region;
import io.github.nst4j.plan.TimeEstimate;
import io.github.nst4j.tile.TileResult;
import io.github.nst4j.weights.WeightsSource;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A level forced into tiles: its whole-image loss comes near the untiled run's, its tile borders
 * leave no seam, and an interruption mid-pass or during the style's statistics resumes to the same
 * pixels. Layers up to block 3
 * keep the tiles' margin (30 px) and so the test small; the tiling is the same for any layers.
 */
class TiledTransferTest {
    private static final WeightsSource WEIGHTS = WeightsSource.random(5).cached();
    /** Two passes of two steps each: the fewest that have a second pass to interrupt. */
    private static final int ITERATIONS = 4;
    private static final int TILE = 240;
    private static StyleTransferResult untiled;
    private static StyleTransferResult tiled;

    @TempDir
    Path dir;

    @BeforeAll
    static void runBoth() {
        untiled = builder().build().run();
        tiled = builder().tileSize(TILE).build().run();
    }

    private static StyleTransferBuilder builder() {
        return StyleTransfer.builder().content(Synthetic.gradient(256, 248)).style(Synthetic.stripes(160, 160))
                .size(256).iterations(ITERATIONS).weights(WEIGHTS)
                .contentLayers(EnumSet.of(VggLayer.BLOCK3_CONV2))
                .styleLayers(Map.of(VggLayer.BLOCK1_CONV1, 1.0, VggLayer.BLOCK2_CONV1, 1.0, VggLayer.BLOCK3_CONV1, 1.0));
    }

    /** Same settings and steps per pixel: the tiled run's whole-image loss is within 1.25x of the untiled one's. */
    @Test
    void tiledLossComesNearTheUntiledLoss() {
        assertThat(tiled.tiles().stream().filter(tile -> tile.pass() == 1).count()).isGreaterThanOrEqualTo(4);
        assertThat(untiled.tiles()).isEmpty();
        System.out.printf("whole-image total loss: untiled %.5g, tiled %.5g (ratio %.3f)%n", untiled.bestLoss(),
                tiled.bestLoss(), tiled.bestLoss() / untiled.bestLoss());
        assertThat(tiled.bestLoss()).isLessThan(1.25 * untiled.bestLoss());
        // And the optimisation did something: well below the loss of the start image.
        assertThat(tiled.bestLoss()).isLessThan(0.8 * untiled.lossHistory().get(0).total());
    }

    /**
     * Seams: across the last pass's tile borders, neighbouring pixels differ on average by at most
     * 1.2 times as much as one pixel further on.
     */
    @Test
    void tileBordersLeaveNoSeam() {
        BufferedImage image = tiled.image();
        int lastPass = tiled.tiles().get(tiled.tiles().size() - 1).pass();
        double across = 0;
        double beside = 0;
        for (TileResult tile : tiled.tiles()) {
            Region owned = tile.owned();
            if (tile.pass() != lastPass) {
                continue;
            }
            if (owned.x() > 0) {
                across += columnDifference(image, owned.x(), owned);
                beside += columnDifference(image, owned.x() + 1, owned);
            }
            if (owned.y() > 0) {
                across += rowDifference(image, owned.y(), owned);
                beside += rowDifference(image, owned.y() + 1, owned);
            }
        }
        System.out.printf("mean |difference| across tile borders %.3f, one pixel away %.3f%n", across, beside);
        assertThat(beside).isPositive();
        assertThat(across).isLessThanOrEqualTo(1.2 * beside);
    }

    @Test
    void interruptedMidPassResumesToTheSamePixels() {
        StyleTransferResult interrupted = builder().tileSize(TILE).build().run(event -> {
            if (event.tilePosition().orElseThrow().pass() == 2 && event.tilePosition().orElseThrow().tile() == 2) {
                event.requestStop();
            }
        });
        assertThat(interrupted.stoppedEarly()).isTrue();
        Path state = dir.resolve("tiled.state.npz");
        interrupted.resumeState().write(state);
        StyleTransferResult resumed = builder().tileSize(TILE).resumeFrom(ResumeState.read(state)).build().run();
        assertThat(resumed.tiles()).isEqualTo(tiled.tiles().subList(interrupted.tiles().size(), tiled.tiles().size()));
        assertThat(pixels(resumed.image())).isEqualTo(pixels(tiled.image()));
    }

    /**
     * A stop during the style's statistics (taken in tiles) ends the run before its first step, with
     * its start image and a state that resumes to the same pixels; the run's time estimate came first.
     */
    @Tag("evidence") // two more tiled runs
    @Test
    void stopDuringTheStyleStatisticsResumesToTheSamePixels() {
        List<PreparationEvent> preparations = new ArrayList<>();
        List<TimeEstimate> estimates = new ArrayList<>();
        StyleTransferResult stopped = builder().tileSize(TILE).build().run(new IterationListener() {
            @Override
            public void onIteration(IterationEvent event) {
                throw new AssertionError("a step after the stop, at iteration " + event.iteration());
            }

            @Override
            public void onPreparation(PreparationEvent event) {
                preparations.add(event);
                event.requestStop();
            }

            @Override
            public boolean wantsEstimate() {
                return true;
            }

            @Override
            public void onEstimate(TimeEstimate estimate) {
                assertThat(preparations).as("the estimate comes before the work").isEmpty();
                estimates.add(estimate);
            }
        });
        assertThat(estimates).singleElement().satisfies(estimate -> assertThat(estimate.total()).isPositive());
        assertThat(preparations).singleElement().satisfies(event -> {
            assertThat(event.task()).isEqualTo(PreparationEvent.Task.STYLE_STATISTICS);
            assertThat(event.done()).isEqualTo(1);
            assertThat(event.total()).isGreaterThan(1);
        });
        assertThat(stopped.stoppedEarly()).isTrue();
        assertThat(stopped.lossHistory()).isEmpty();
        assertThat(stopped.resumeState().tilePass()).isZero();
        Path state = dir.resolve("statistics.state.npz");
        stopped.resumeState().write(state);
        StyleTransferResult resumed = builder().tileSize(TILE).resumeFrom(ResumeState.read(state)).build().run();
        assertThat(resumed.tiles()).isEqualTo(tiled.tiles());
        assertThat(pixels(resumed.image())).isEqualTo(pixels(tiled.image()));
    }

    /** A stop while the finished image's whole-image loss is measured keeps the image, its loss unmeasured. */
    @Tag("evidence") // another tiled run
    @Test
    void stopDuringTheFinalLossKeepsTheFinishedImage() {
        StyleTransferResult result = builder().tileSize(TILE).build().run(new IterationListener() {
            @Override
            public void onIteration(IterationEvent event) {
            }

            @Override
            public void onPreparation(PreparationEvent event) {
                if (event.task() == PreparationEvent.Task.WHOLE_IMAGE_LOSS) {
                    event.requestStop();
                }
            }
        });
        assertThat(result.stoppedEarly()).isFalse();
        assertThat(result.bestLoss()).isNaN();
        assertThat(pixels(result.image())).isEqualTo(pixels(tiled.image()));
    }

    @Test
    void tilesSmallerThanTheMarginsAreRefused() {
        assertThatThrownBy(() -> builder().tileSize(100).build()).isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("at least 168 px");
    }

    /**
     * A large learning rate makes each tile's first steps raise its loss; the tiles must still hand
     * back what their steps made, not their start pixels: every owned region moves away from the
     * content it started from.
     */
    @Test
    void everyTileKeepsItsSteps() {
        BufferedImage content = Synthetic.gradient(256, 248);
        StyleTransferResult result = builder().tileSize(TILE).iterations(2).learningRate(40).build().run();

        for (TileResult tile : result.tiles()) {
            if (tile.pass() == 1) {
                assertThat(meanDifference(result.image(), content, tile.owned()))
                        .as("mean change of tile %d's owned region in 0-255 levels", tile.tile()).isGreaterThan(2);
            }
        }
    }

    private static double meanDifference(BufferedImage a, BufferedImage b, Region region) {
        double sum = 0;
        for (int y = region.y(); y < region.endY(); y++) {
            for (int x = region.x(); x < region.endX(); x++) {
                sum += difference(a.getRGB(x, y), b.getRGB(x, y));
            }
        }
        return sum / region.area();
    }

    /** Mean absolute difference between column {@code x} and {@code x - 1} along the region's rows. */
    private static double columnDifference(BufferedImage image, int x, Region region) {
        double sum = 0;
        for (int y = region.y(); y < region.endY(); y++) {
            sum += difference(image.getRGB(x, y), image.getRGB(x - 1, y));
        }
        return sum / region.height();
    }

    private static double rowDifference(BufferedImage image, int y, Region region) {
        double sum = 0;
        for (int x = region.x(); x < region.endX(); x++) {
            sum += difference(image.getRGB(x, y), image.getRGB(x, y - 1));
        }
        return sum / region.width();
    }

    private static double difference(int a, int b) {
        int sum = 0;
        for (int shift = 0; shift <= 16; shift += 8) {
            sum += Math.abs(((a >> shift) & 0xFF) - ((b >> shift) & 0xFF));
        }
        return sum / 3.0;
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}
