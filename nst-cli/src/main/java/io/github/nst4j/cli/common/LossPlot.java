package io.github.nst4j.cli.common;

import io.github.nst4j.error.NstException;
import io.github.nst4j.listener.LossValues;
import io.github.nst4j.storage.AtomicFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** A PNG chart of the content, style, TV and total loss against the iteration or step (XChart). */
public final class LossPlot {
    static final int WIDTH = 800;
    static final int HEIGHT = 500;

    /** The losses after {@code x} iterations or steps. */
    public record Point(int x, LossValues losses) {
    }

    private LossPlot() {
    }

    /**
     * Writes the chart atomically.
     *
     * @param title the chart's title, e.g. "nst losses"
     * @param axis what {@link Point#x} counts, e.g. "iteration"
     * @throws NstException in one sentence if the file cannot be written
     */
    public static void write(List<Point> points, String title, String axis, Path file) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(axis).yAxisTitle("weighted loss").build();
        chart.getStyler().setYAxisLogarithmic(true);
        double[] x = points.stream().mapToDouble(Point::x).toArray();
        addSeries(chart, "total", x, points, p -> p.losses().total());
        addSeries(chart, "content", x, points, p -> p.losses().content());
        addSeries(chart, "style", x, points, p -> p.losses().style());
        addSeries(chart, "tv", x, points, p -> p.losses().totalVariation());
        try {
            AtomicFiles.write(file.toAbsolutePath(), temp -> {
                try (OutputStream out = Files.newOutputStream(temp)) {
                    BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
                }
            });
        } catch (IOException e) {
            throw new NstException("Cannot write the loss chart " + file + ": " + e.getMessage(), e);
        }
    }

    /** Adds a series; a log axis cannot show zeros (e.g. the content loss at a content start), so they are left out. */
    private static void addSeries(XYChart chart, String name, double[] x, List<Point> points,
            ToDoubleFunction<Point> value) {
        double[] y = points.stream().mapToDouble(value).toArray();
        int kept = 0;
        double[] xs = new double[x.length];
        double[] ys = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            if (y[i] > 0) {
                xs[kept] = x[i];
                ys[kept] = y[i];
                kept++;
            }
        }
        if (kept > 0) {
            chart.addSeries(name, Arrays.copyOf(xs, kept), Arrays.copyOf(ys, kept)).setMarker(SeriesMarkers.NONE);
        }
    }
}
