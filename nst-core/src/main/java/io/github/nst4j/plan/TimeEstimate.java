package io.github.nst4j.plan;

import io.github.nst4j.image.ImageSize;
import java.time.Duration;
import java.util.List;

/**
 * How long a run would take on this machine, forecast from the costs of one forward pass and one
 * optimisation step measured on the run's largest window (see {@link UnitCosts}), each assumed to
 * grow with the pixels it covers. It counts every pass the run makes: the Grams of each style image
 * (in windows where the level is tiled), each graph's construction and content target, every step,
 * and a tiled level's final whole-image loss.
 *
 * @param total the forecast duration
 * @param costs what it was forecast from
 */
public record TimeEstimate(Duration total, UnitCosts costs) {
    /**
     * Costs measured on this machine.
     *
     * @param window the size they were measured on
     * @param forwardSeconds one forward pass through the network at that size
     * @param stepSeconds one optimisation step (loss and gradient) at that size, once warmed up
     * @param graphSeconds building one loss graph and its first, slower step beyond a steady one
     */
    public record UnitCosts(ImageSize window, double forwardSeconds, double stepSeconds, double graphSeconds) {
        double forward(long pixels) {
            return forwardSeconds * pixels / area(window);
        }

        double step(long pixels) {
            return stepSeconds * pixels / area(window);
        }
    }

    /**
     * The forecast for {@code levels}, each tile (or whole level) taking {@code iterations} steps.
     *
     * @param hasContent whether each graph takes a content target (a forward pass) and the final
     *     whole-image loss compares with the content (a second one per window)
     */
    public static TimeEstimate of(List<PyramidLevel> levels, int iterations, boolean hasContent, UnitCosts costs) {
        int contentPasses = hasContent ? 1 : 0;
        double seconds = 0;
        for (PyramidLevel level : levels) {
            for (int style = 0; style < level.styles().size(); style++) {
                seconds += forwardOver(level.styleGrid(style), costs, 1);
            }
            if (!level.tiled()) {
                long pixels = area(level.output());
                seconds += costs.graphSeconds + contentPasses * costs.forward(pixels) + iterations * costs.step(pixels);
                continue;
            }
            TilePlan plan = level.tiles();
            for (int pass = 0; pass < plan.passes(); pass++) {
                int steps = plan.iterations(pass, iterations);
                for (Tile tile : plan.grid(level.output().width(), level.output().height(), pass).tiles()) {
                    long pixels = tile.window().area();
                    seconds += costs.graphSeconds + contentPasses * costs.forward(pixels) + steps * costs.step(pixels);
                }
            }
            seconds += forwardOver(plan.grid(level.output().width(), level.output().height(), 0), costs,
                    1 + contentPasses);
        }
        return new TimeEstimate(Duration.ofMillis(Math.round(seconds * 1000)), costs);
    }

    private static double forwardOver(TileGrid grid, UnitCosts costs, int passes) {
        return passes * grid.tiles().stream().mapToDouble(tile -> costs.forward(tile.window().area())).sum();
    }

    private static long area(ImageSize size) {
        return (long) size.width() * size.height();
    }
}
