package io.github.nst4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nst4j.Mode;
import io.github.nst4j.listener.IterationEvent;
import io.github.nst4j.listener.LossValues;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
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
