package io.github.nst4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nst4j.error.NstException;
import io.github.nst4j.listener.IterationEvent;
import io.github.nst4j.listener.IterationListener;
import io.github.nst4j.listener.PreparationEvent;
import io.github.nst4j.weights.WeightsSource;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An interrupted run, written to a state file and resumed, ends with the pixels of an uninterrupted run. */
class ResumeTest {
    private static final WeightsSource WEIGHTS = WeightsSource.random(5).cached();

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}, {1} scale(s), stopped after {2}")
    @CsvSource({"ADAM, 1, 3", "LBFGS, 1, 4", "ADAM, 2, 5", "LBFGS, 2, 2"})
    void resumedRunEqualsUninterruptedRun(Optimizer optimizer, int scales, int stopAfter) {
        StyleTransferResult whole = builder(optimizer, scales).build().run();

        StyleTransferResult interrupted = builder(optimizer, scales).build().run(event -> {
            if (event.iteration() == stopAfter) {
                event.requestStop();
            }
        });
        assertThat(interrupted.stoppedEarly()).isTrue();
        Path stateFile = dir.resolve("run.state.npz");
        interrupted.resumeState().write(stateFile);

        StyleTransferResult resumed = builder(optimizer, scales).resumeFrom(ResumeState.read(stateFile)).build().run();

        assertThat(resumed.stoppedEarly()).isFalse();
        assertThat(resumed.lossHistory()).isEqualTo(whole.lossHistory());
        assertThat(resumed.bestIteration()).isEqualTo(whole.bestIteration());
        assertThat(pixels(resumed.image())).isEqualTo(pixels(whole.image()));
    }

    /** A stop while a style's statistics are computed ends the run at once; resumed, it is the whole run. */
    @Test
    void stopDuringTheStyleStatisticsResumesToTheSamePixels() {
        StyleTransferResult whole = builder(Optimizer.ADAM, 1).addStyle(Synthetic.gradient(64, 64)).build().run();

        StyleTransferResult stopped = builder(Optimizer.ADAM, 1).addStyle(Synthetic.gradient(64, 64)).build()
                .run(new IterationListener() {
                    @Override
                    public void onIteration(IterationEvent event) {
                        throw new AssertionError("no iteration after a stop during the statistics");
                    }

                    @Override
                    public void onPreparation(PreparationEvent event) {
                        event.requestStop();
                    }
                });
        assertThat(stopped.stoppedEarly()).isTrue();
        assertThat(stopped.lossHistory()).isEmpty();
        Path stateFile = dir.resolve("statistics.state.npz");
        stopped.resumeState().write(stateFile);

        StyleTransferResult resumed = builder(Optimizer.ADAM, 1).addStyle(Synthetic.gradient(64, 64))
                .resumeFrom(ResumeState.read(stateFile)).build().run();
        assertThat(resumed.lossHistory()).isEqualTo(whole.lossHistory());
        assertThat(pixels(resumed.image())).isEqualTo(pixels(whole.image()));
    }

    @Test
    void stateOfOtherSettingsIsRefused() {
        StyleTransferResult interrupted = builder(Optimizer.ADAM, 1).build().run(event -> event.requestStop());
        Path stateFile = dir.resolve("run.state.npz");
        interrupted.resumeState().write(stateFile);

        assertThatThrownBy(() -> builder(Optimizer.ADAM, 1).seed(99).resumeFrom(ResumeState.read(stateFile)).build())
                .isInstanceOf(NstException.class)
                .hasMessageContaining("other settings");
    }

    private static StyleTransferBuilder builder(Optimizer optimizer, int levels) {
        return StyleTransfer.builder()
                .content(Synthetic.gradient(72, 56)).style(Synthetic.stripes(64, 64))
                .size(64).levels(levels).iterations(6).optimizer(optimizer).initNoiseRatio(0.3)
                .weights(WEIGHTS);
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }
}
