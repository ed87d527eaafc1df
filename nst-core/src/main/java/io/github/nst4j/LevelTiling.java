package io.github.nst4j;

import io.github.nst4j.error.InvalidSettingException;
import io.github.nst4j.image.ImageSize;
import io.github.nst4j.network.FeatureNetwork;
import io.github.nst4j.network.VggLayer;
import io.github.nst4j.plan.MemoryEstimate;
import io.github.nst4j.plan.PyramidLevel;
import io.github.nst4j.plan.TileGrid;
import io.github.nst4j.plan.TilePlan;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Decides which pyramid levels are optimised whole and which in tiles, within the memory budget
 * and the requested tile size, and refuses an output that fits neither way.
 */
final class LevelTiling {
    private LevelTiling() {
    }

    static List<PyramidLevel> apply(StyleTransferRequest request, List<PyramidLevel> levels) {
        ImageSize output = levels.get(levels.size() - 1).output();
        MemoryEstimate.checkHeap(output.width(), output.height());
        long budget = MemoryEstimate.budget(request.maxMemory());
        int margin = TileGrid.marginFor(FeatureNetwork.reach(deepestLayer(request)));
        int smallest = TileGrid.smallestWindow(margin);
        InvalidSettingException.require(request.tileSize() == 0 || request.tileSize() >= smallest, "tileSize",
                "Tiles must be at least " + smallest + " px with these layers (a margin of " + margin
                        + " px on each side keeps VGG19's zero padding away from what a tile keeps), got "
                        + request.tileSize());
        // L-BFGS keeps 2 x its memory image-sized arrays of the image (or window) it optimises.
        double optimizerBytesPerPixel = request.optimizer() == Optimizer.LBFGS
                ? 2.0 * request.lbfgsMemory() * 3 * Float.BYTES : 0;
        List<PyramidLevel> planned = new ArrayList<>();
        for (PyramidLevel level : levels) {
            ImageSize size = level.output();
            boolean forced = request.tileSize() > 0 && size.longSide() > request.tileSize();
            if (!forced && MemoryEstimate.fitsWhole(size.width(), size.height(), optimizerBytesPerPixel,
                    request.lowMemory(), budget)) {
                planned.add(level);
                continue;
            }
            MemoryEstimate.checkTiled(size.width(), size.height(), smallest, optimizerBytesPerPixel,
                    request.lowMemory(), budget);
            int largest = MemoryEstimate.largestWindow(size.width(), size.height(), optimizerBytesPerPixel,
                    request.lowMemory(), budget);
            int window = request.tileSize() > 0 ? Math.min(request.tileSize(), largest) : largest;
            planned.add(level.withTiles(TilePlan.of(margin, window, request.iterations())));
        }
        return planned;
    }

    /** The deepest layer any loss term of the run reads: how far a tile's margin must reach. */
    private static VggLayer deepestLayer(StyleTransferRequest request) {
        Set<VggLayer> layers = EnumSet.noneOf(VggLayer.class);
        if (request.mode() != Mode.TEXTURE) {
            layers.addAll(request.contentLayers());
        }
        if (request.mode() != Mode.CONTENT) {
            layers.addAll(request.styleLayers().keySet());
        }
        return Collections.max(layers);
    }
}
