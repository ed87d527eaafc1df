package io.github.nst4j.cli.transfer;

import io.github.nst4j.error.NstException;
import io.github.nst4j.storage.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** A PNG chart of the content, style, TV and total loss against the iteration (XChart). */
final class LossPlot {
    static final int WIDTH = 800;
    static final int HEIGHT = 500;

    private LossPlot() {
    }

    static void write(List<RunRecorder.Step> steps, Path file) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title("nst losses")
                .xAxisTitle("iteration").yAxisTitle("weighted loss").build();
        chart.getStyler().setYAxisLogarithmic(true);
        double[] x = steps.stream().mapToDouble(RunRecorder.Step::iteration).toArray();
        addSeries(chart, "total", x, steps, s -> s.losses().total());
        addSeries(chart, "content", x, steps, s -> s.losses().content());
        addSeries(chart, "style", x, steps, s -> s.losses().style());
        addSeries(chart, "tv", x, steps, s -> s.losses().totalVariation());
        try {
            AtomicFiles.write(file.toAbsolutePath(),
                    temp -> {
                        try (var out = java.nio.file.Files.newOutputStream(temp)) {
                            BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
                        }
                    });
        } catch (IOException e) {
            throw new NstException("Cannot write the loss chart " + file + ": " + e.getMessage(), e);
        }
    }

    /** Adds a series; a log axis cannot show zeros (e.g. the content loss at a content start), so they are left out. */
    private static void addSeries(XYChart chart, String name, double[] x, List<RunRecorder.Step> steps,
            ToDoubleFunction<RunRecorder.Step> value) {
        double[] y = steps.stream().mapToDouble(value).toArray();
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
            chart.addSeries(name, java.util.Arrays.copyOf(xs, kept), java.util.Arrays.copyOf(ys, kept))
                    .setMarker(SeriesMarkers.NONE);
        }
    }
}
