package io.github.nst4j.cli.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nst4j.Mode;
import io.github.nst4j.listener.IterationEvent;
import io.github.nst4j.listener.LossValues;
import io.github.nst4j.listener.PreparationEvent;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Plain progress lines: the mode's loss terms only, and speed over this process's iterations. */
class ProgressReporterTest {
    private final StringWriter text = new StringWriter();

    @Test
    void aResumedRunsSpeedCountsOnlyItsOwnIterations() {
        ProgressReporter progress = new ProgressReporter(new PrintWriter(text, true), null, Mode.TRANSFER, "");
        // Resumed after 44 of 80: iteration 45 comes 0.2 s after this process started, 50 after 1.2 s.
        progress.onIteration(event(45, 80, 200));
        progress.onIteration(event(50, 80, 1200));
        assertThat(text.toString().lines().toList()).containsExactly(
                "iteration 45/80  loss 6.000 (content 1.00, style 2.00, tv 3.00)  0.20 s/it  ETA 0:00:07",
                "iteration 50/80  loss 6.000 (content 1.00, style 2.00, tv 3.00)  0.20 s/it  ETA 0:00:06");
    }

    @Test
    void textureLinesShowNoContentTermAndBatchLinesNameTheJob() {
        ProgressReporter progress = new ProgressReporter(new PrintWriter(text, true), null, Mode.TEXTURE,
                "cat.png x brick.png: ");
        progress.onIteration(event(1, 10, 500));
        assertThat(text.toString()).isEqualTo(
                "cat.png x brick.png: iteration 1/10  loss 6.000 (style 2.00, tv 3.00)  0.50 s/it  ETA 0:00:05"
                        + System.lineSeparator());
    }

    /**
     * A tiled run's style statistics: a line at the first window and at every tenth of them, with its
     * own speed and ETA; the iterations' speed then leaves them out.
     */
    @Test
    void longWorkBetweenStepsGetsLinesOfItsOwn() {
        ProgressReporter progress = new ProgressReporter(new PrintWriter(text, true), null, Mode.TRANSFER, "");
        for (int window = 1; window <= 20; window++) {
            progress.onPreparation(new PreparationEvent(PreparationEvent.Task.STYLE_STATISTICS, window, 20,
                    Duration.ofMillis(500L * window)));
        }
        progress.onIteration(event(1, 10, 10_400));
        progress.onIteration(event(10, 10, 14_000));
        List<String> lines = text.toString().lines().toList();
        assertThat(lines).hasSize(13);
        assertThat(lines.get(0)).isEqualTo("style statistics: window 1/20  0.50 s/window  ETA 0:00:10");
        assertThat(lines.get(1)).isEqualTo("style statistics: window 2/20  0.50 s/window  ETA 0:00:09");
        assertThat(lines.get(10)).isEqualTo("style statistics: window 20/20  0.50 s/window  ETA 0:00:00");
        assertThat(lines.get(11)).endsWith("0.40 s/it  ETA 0:00:04");
        assertThat(lines.get(12)).endsWith("0.40 s/it  ETA 0:00:00");
    }

    /** A run that stops between plain lines (--tolerance, Ctrl-C) ends with its last iteration's line. */
    @Test
    void aRunStoppedBetweenLinesEndsWithItsLastIteration() {
        try (ProgressReporter progress = new ProgressReporter(new PrintWriter(text, true), null, Mode.TRANSFER, "")) {
            for (int iteration = 1; iteration <= 4; iteration++) {
                progress.onIteration(event(iteration, 25, 100L * iteration));
            }
        }
        List<String> lines = text.toString().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("iteration 1/25 ");
        assertThat(lines.get(1)).startsWith("iteration 4/25 ");
    }

    /** A run whose last iteration had its line prints it once. */
    @Test
    void aLinePrintedAtItsIterationIsNotRepeated() {
        try (ProgressReporter progress = new ProgressReporter(new PrintWriter(text, true), null, Mode.TRANSFER, "")) {
            for (int iteration = 1; iteration <= 10; iteration++) {
                progress.onIteration(event(iteration, 25, 100L * iteration));
            }
        }
        assertThat(text.toString().lines().filter(line -> line.startsWith("iteration 10/25 "))).hasSize(1);
    }

    private static IterationEvent event(int iteration, int total, long elapsedMillis) {
        return new IterationEvent() {
            @Override
            public int iteration() {
                return iteration;
            }

            @Override
            public int totalIterations() {
                return total;
            }

            @Override
            public int imageWidth() {
                return 64;
            }

            @Override
            public int imageHeight() {
                return 48;
            }

            @Override
            public int level() {
                return 1;
            }

            @Override
            public int levelCount() {
                return 1;
            }

            @Override
            public LossValues losses() {
                return new LossValues(1, 2, 3);
            }

            @Override
            public Duration elapsed() {
                return Duration.ofMillis(elapsedMillis);
            }

            @Override
            public BufferedImage currentImage() {
                return new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
            }

            @Override
            public void requestStop() {
            }
        };
    }
}
