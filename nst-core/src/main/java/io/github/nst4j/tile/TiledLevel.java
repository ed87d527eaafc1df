package io.github.nst4j.tile;

import io.github.nst4j.image.PixelTensors;
import io.github.nst4j.listener.IterationListener;
import io.github.nst4j.listener.LossValues;
import io.github.nst4j.listener.TilePosition;
import io.github.nst4j.loss.LayerMask;
import io.github.nst4j.loss.LossGraph;
import io.github.nst4j.loss.LossSpec;
import io.github.nst4j.loss.Targets;
import io.github.nst4j.network.FeatureNetwork;
import io.github.nst4j.network.VggLayer;
import io.github.nst4j.optim.BudgetedObjective;
import io.github.nst4j.optim.ImageOptimizer;
import io.github.nst4j.plan.Region;
import io.github.nst4j.plan.Tile;
import io.github.nst4j.plan.TileGrid;
import io.github.nst4j.plan.TilePlan;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Optimises a pyramid level too large for memory tile by tile. Each tile's window is optimised
 * against the global style targets and its own content target, the losses counted over the region
 * it owns (see {@link Tile}); the image after its last step is written back over its kept region,
 * faded into the neighbours across the overlap, before the next tile starts, so that every window
 * starts from neighbours that already agree. Alternate passes shift the grid by half a tile.
 *
 * <p>A tile keeps its last step rather than its lowest-loss image: its few steps are Adam's first,
 * which may raise the tile's own loss before they lower it, and a tile that kept its start would
 * leave its region untouched for the whole pass (a seam of unstyled pixels).
 */
public final class TiledLevel {
    private final FeatureNetwork network;
    private final LossSpec spec;
    private final TilePlan plan;
    private final Supplier<ImageOptimizer> optimizers;
    private final boolean recycleArrays;

    /**
     * What the level is compared with, over the whole image.
     *
     * @param content the content image's pixels {@code [1, 3, H, W]}, or null
     * @param contentMasks where the content counts, per content layer at the layer's resolution of the
     *     whole image; empty: everywhere
     * @param guides the style targets, masks at the layers' resolution of the whole image
     */
    public record Comparison(INDArray content, Map<VggLayer, LayerMask> contentMasks, List<Targets.Guide> guides) {
    }

    /**
     * Where to start or resume: the pass and tile (from 0) and the run's loss history so far.
     */
    public record Start(int pass, int tile, List<LossValues> history) {
    }

    /**
     * The level's outcome.
     *
     * @param image the whole image after the last tile done
     * @param history the run's loss history, with every tile's steps
     * @param tiles each finished tile's losses, in order
     * @param stoppedAt where to resume if a listener stopped the run (the interrupted tile restarts), else null
     */
    public record Outcome(INDArray image, List<LossValues> history, List<TileResult> tiles, Start stoppedAt) {
    }

    public TiledLevel(FeatureNetwork network, LossSpec spec, TilePlan plan, Supplier<ImageOptimizer> optimizers,
            boolean recycleArrays) {
        this.network = network;
        this.spec = spec;
        this.plan = plan;
        this.optimizers = optimizers;
        this.recycleArrays = recycleArrays;
    }

    /**
     * @param image the level's start image {@code [1, 3, H, W]}; updated in place
     * @param iterations steps per tile over all passes (the level's iterations)
     * @param context the level's event context; the tile and window size are filled in per tile
     */
    public Outcome run(INDArray image, Comparison comparison, int iterations, Start start,
            IterationListener listener, BudgetedObjective.EventContext context) {
        int width = (int) image.size(3);
        int height = (int) image.size(2);
        List<LossValues> history = new ArrayList<>(start.history());
        List<TileResult> results = new ArrayList<>();
        for (int pass = start.pass(); pass < plan.passes(); pass++) {
            TileGrid grid = plan.grid(width, height, pass);
            int steps = plan.iterations(pass, iterations);
            for (int index = pass == start.pass() ? start.tile() : 0; index < grid.tiles().size(); index++) {
                Tile tile = grid.tiles().get(index);
                TilePosition position = new TilePosition(pass + 1, plan.passes(), index + 1, grid.tiles().size());
                BudgetedObjective.EventContext tileContext = new BudgetedObjective.EventContext(tile.window().width(),
                        tile.window().height(), context.level(), context.levelCount(), context.totalIterations(),
                        context.startNanos(), position, () -> PixelTensors.toImage(image));
                BudgetedObjective objective;
                Targets targets = targets(tile, comparison, height, width);
                try (INDArray window = TileMasks.window(image, tile);
                        LossGraph graph = LossGraph.build(network, spec, targets, window, DataType.FLOAT,
                                recycleArrays)) {
                    objective = new BudgetedObjective(graph, history,
                            new BudgetedObjective.LevelBudget(history.size(), history.size() + steps, false),
                            BudgetedObjective.StopRule.NEVER, listener, tileContext,
                            BudgetedObjective.Result.LAST_STEP);
                    optimizers.get().optimize(objective, null);
                    if (!objective.stopRequested()) {
                        blend(image, objective.resultImage(), tile, width, height);
                    }
                } finally {
                    release(targets);
                }
                if (objective.stopRequested()) {
                    // The interrupted tile's steps are not kept: a resumed run redoes the tile from its start.
                    return new Outcome(image, history, results, new Start(pass, index, history));
                }
                List<LossValues> tileSteps = objective.history().subList(history.size(), objective.history().size());
                results.add(new TileResult(pass + 1, index + 1, tile.owned(), tile.window(), tileSteps.get(0),
                        tileSteps.get(tileSteps.size() - 1)));
                history = objective.history();
            }
        }
        return new Outcome(image, history, results, null);
    }

    /**
     * Frees the tile's own arrays (its content features and masks; the Grams are the level's) at once,
     * and what the graph left (see {@link NativeHeap}): a nearly empty Java heap would otherwise let the
     * arrays of tile after tile pile up far beyond the memory budget.
     */
    private static void release(Targets targets) {
        targets.content().values().forEach(INDArray::close);
        targets.contentMasks().values().forEach(mask -> mask.weights().close());
        targets.guides().forEach(guide -> guide.masks().values().forEach(mask -> mask.weights().close()));
        NativeHeap.release();
    }

    /** The tile's targets: its own content features, the global Grams, and masks for what it owns. */
    private Targets targets(Tile tile, Comparison comparison, int height, int width) {
        Map<VggLayer, INDArray> content = comparison.content() == null || spec.contentLayers().isEmpty() ? Map.of()
                : TileMasks.features(network, comparison.content(), tile, spec.contentLayers());
        Map<VggLayer, LayerMask> contentMasks = new EnumMap<>(VggLayer.class);
        for (VggLayer layer : content.keySet()) {
            contentMasks.put(layer, TileMasks.owned(tile, layer, comparison.contentMasks().get(layer), height, width));
        }
        List<Targets.Guide> guides = new ArrayList<>();
        for (Targets.Guide guide : comparison.guides()) {
            Map<VggLayer, LayerMask> masks = new EnumMap<>(VggLayer.class);
            for (VggLayer layer : guide.grams().keySet()) {
                masks.put(layer, TileMasks.owned(tile, layer, guide.masks().get(layer), height, width));
            }
            guides.add(new Targets.Guide(guide.grams(), masks));
        }
        return new Targets(content, contentMasks, guides);
    }

    /**
     * Writes the tile's image over its kept region of {@code image}: weight 1 inside, fading linearly
     * to 0 across the overlap on every side that has a neighbour.
     */
    private static void blend(INDArray image, INDArray tileImage, Tile tile, int width, int height) {
        Region kept = tile.kept();
        Region window = tile.window();
        float[] columns = ramp(kept.x(), kept.width(), tile.owned().x(), tile.owned().endX(), width);
        float[] rows = ramp(kept.y(), kept.height(), tile.owned().y(), tile.owned().endY(), height);
        float[] weights = new float[3 * kept.width() * kept.height()];
        int plane = kept.width() * kept.height();
        for (int y = 0; y < kept.height(); y++) {
            for (int x = 0; x < kept.width(); x++) {
                float weight = rows[y] * columns[x];
                for (int channel = 0; channel < 3; channel++) {
                    weights[channel * plane + y * kept.width() + x] = weight;
                }
            }
        }
        INDArray weight = Nd4j.create(weights, new long[] {1, 3, kept.height(), kept.width()},
                DataType.FLOAT);
        INDArray target = image.get(region(kept.y(), kept.height(), kept.x(), kept.width()));
        INDArray source = tileImage.get(region(kept.y() - window.y(), kept.height(), kept.x() - window.x(),
                kept.width()));
        target.assign(source.mul(weight).addi(target.mul(weight.rsub(1))));
    }

    /**
     * Weights along one axis of a kept span {@code [start, start + length)}: 1 over the owned part,
     * ramping down across the overlap towards each neighbour (none at the image's edge).
     */
    private static float[] ramp(int start, int length, int ownedStart, int ownedEnd, int imageLength) {
        float[] weights = new float[length];
        int half = TileGrid.OVERLAP / 2;
        for (int i = 0; i < length; i++) {
            int position = start + i;
            // Across a border, the two neighbours' weights sum to 1: (half + d + 0.5) / OVERLAP and its complement.
            float before = ownedStart == 0 ? 1 : (position - ownedStart + half + 0.5f) / TileGrid.OVERLAP;
            float after = ownedEnd == imageLength ? 1 : (ownedEnd - position + half - 0.5f) / TileGrid.OVERLAP;
            weights[i] = Math.max(0, Math.min(1, Math.min(before, after)));
        }
        return weights;
    }

    private static INDArrayIndex[] region(int y, int height, int x, int width) {
        return new INDArrayIndex[] {NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.interval(y, y + height),
            NDArrayIndex.interval(x, x + width)};
    }
}
