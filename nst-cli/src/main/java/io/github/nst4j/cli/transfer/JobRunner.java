package io.github.nst4j.cli.transfer;

import io.github.nst4j.ResumeState;
import io.github.nst4j.StyleTransfer;
import io.github.nst4j.StyleTransferBuilder;
import io.github.nst4j.StyleTransferResult;
import io.github.nst4j.cli.common.ExitCode;
import io.github.nst4j.cli.common.InterruptGuard;
import io.github.nst4j.cli.common.LossPlot;
import io.github.nst4j.error.DivergedException;
import io.github.nst4j.error.InvalidSettingException;
import io.github.nst4j.image.ImageWriter;
import io.github.nst4j.image.Images;
import io.github.nst4j.listener.EarlyStop;
import io.github.nst4j.listener.IterationEvent;
import io.github.nst4j.listener.IterationListener;
import io.github.nst4j.listener.PreparationEvent;
import io.github.nst4j.plan.PyramidLevel;
import io.github.nst4j.plan.TimeEstimate;
import io.github.nst4j.storage.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Runs one job of the {@code nst} command: locks its output, runs the transfer with progress,
 * checkpoints and Ctrl-C, then writes the image, the record, the chart, the animation and, when
 * interrupted, the resume state; a finished run removes its state. Says what it wrote.
 */
final class JobRunner {
    private static final int ANIMATION_FRAME_MILLIS = 200;

    /**
     * The files besides the output image that the command line asked for (null where not), whether
     * the job is one of a batch (its progress then names it), and whether only its plan and time
     * estimate are wanted.
     */
    record Extras(Path record, Path plot, Path animate, int saveEvery, boolean batch, boolean estimateOnly) {
    }

    private final PrintWriter out;
    private final PrintWriter err;
    private final InterruptGuard interrupt;
    private final Extras extras;
    private final Supplier<String> weights;
    private final Function<StyleTransfer, Map<String, Object>> settings;

    /**
     * @param weights how the summary and the record name the weights, at the time they are written
     * @param settings every option's value as this job used it, for the record
     */
    JobRunner(PrintWriter out, PrintWriter err, InterruptGuard interrupt, Extras extras, Supplier<String> weights,
            Function<StyleTransfer, Map<String, Object>> settings) {
        this.out = out;
        this.err = err;
        this.interrupt = interrupt;
        this.extras = extras;
        this.weights = weights;
        this.settings = settings;
    }

    /**
     * Runs {@code job} with the settings of {@code builder}.
     *
     * @return the exit code of this job
     * @throws InvalidSettingException for a setting no job could use (the caller stops the batch)
     * @throws io.github.nst4j.error.NstException for a problem of this job: its input, the weights, a write
     */
    int run(BatchPlan.Job job, StyleTransferBuilder builder, ResumeState resume) {
        Path output = job.output();
        if (extras.estimateOnly()) {
            StyleTransfer transfer = announce(job, builder, resume);
            out.println(estimateLine(transfer.estimate()) + (resume == null ? "" : ", for the whole run from its start"));
            return ExitCode.OK;
        }
        try (OutputLock lock = OutputLock.acquire(output)) {
            StyleTransfer transfer = announce(job, builder, resume);
            int total = transfer.totalIterations();
            RunRecorder recorder = new RunRecorder(extras.animate() == null ? 0 : frameEvery(total));
            CheckpointWriter checkpoints = new CheckpointWriter(output, extras.saveEvery(), err);
            StyleTransferResult result;
            try (ProgressReporter progress = ProgressReporter.forConsole(err, transfer.mode(),
                    extras.batch() ? job.label() + ": " : "")) {
                result = transfer.run(new IterationListener() {
                    @Override
                    public void onIteration(IterationEvent event) {
                        progress.onIteration(event);
                        checkpoints.onIteration(event);
                        recorder.onIteration(event);
                        if (interrupt.interrupted()) {
                            event.requestStop();
                        }
                    }

                    @Override
                    public void onPreparation(PreparationEvent event) {
                        progress.onPreparation(event);
                        if (interrupt.interrupted()) {
                            event.requestStop();
                        }
                    }

                    @Override
                    public boolean wantsEstimate() {
                        return true;
                    }

                    @Override
                    public void onEstimate(TimeEstimate estimate) {
                        out.println(estimateLine(estimate));
                        out.flush();
                    }
                });
            } catch (DivergedException e) {
                if (!recorder.anyIteration() && (resume == null || resume.iterationsDone() == 0)) {
                    // Its "best image" would be the start image: no image was ever scored.
                    throw new DivergedException(e.getMessage() + "; nothing was written", e.bestImage());
                }
                // Keep what was reached before the loss blew up; the run still failed.
                ImageWriter.write(e.bestImage(), output);
                throw new DivergedException(e.getMessage() + "; the best image before that was written to " + output,
                        e.bestImage());
            }
            List<Path> written = new ArrayList<>();
            result.save(output);
            written.add(output);
            if (result.image().getColorModel().hasAlpha() && ImageWriter.formatOf(output).equals("jpeg")) {
                out.println("Note: JPEG has no alpha channel, so the content's transparency was dropped from " + output
                        + " (name the output .png to keep it)");
            }
            PreviousRun previous = resume == null ? PreviousRun.NONE
                    : PreviousRun.read(recordPath(output), extras.animate(), resume.iterationsDone());
            Path state = OutputPaths.state(output);
            if (result.stoppedEarly()) {
                // The state first: it is what the interruption is for.
                result.resumeState().write(state);
                written.add(state);
            }
            written.addAll(writeExtras(transfer, result, recorder, previous, output));
            written.addAll(checkpoints.written());
            if (result.stoppedEarly()) {
                out.println(String.format(Locale.ROOT, "Interrupted after %d of %d iterations; wrote %s"
                        + " (continue with the same options and --resume %s)", result.lossHistory().size(), total,
                        names(written), state));
                return ExitCode.INTERRUPTED;
            }
            for (EarlyStop stop : result.earlyStops()) {
                out.println(String.format(Locale.ROOT, "Scale %d stopped at iteration %d: the best loss improved by"
                        + " %.3g%% over the last %d iterations, below --tolerance", stop.level(), stop.iteration(),
                        100 * stop.improvement(), stop.window()));
            }
            // A finished run has nothing to resume; a stale state would only invite a wrong --resume.
            String removed = Files.exists(state) && AtomicFiles.deleteQuietly(state) ? "; removed " + state : "";
            out.println(String.format(Locale.ROOT, "Wrote %s (%s; %.1f s)%s", names(written),
                    describeImage(result, transfer), result.elapsed().toMillis() / 1000.0, removed));
            return ExitCode.OK;
        }
    }

    /**
     * Which image was written and the loss that goes with it, as the progress lines and the record
     * have it: a tiled scale keeps every tile's last step and is measured whole afterwards; otherwise
     * the iteration with the lowest loss, or with normalised gradients the lowest normalised objective.
     */
    private static String describeImage(StyleTransferResult result, StyleTransfer transfer) {
        String loss = Double.isNaN(result.bestLoss()) ? "not measured"
                : String.format(Locale.ROOT, "%.4g", result.bestLoss());
        if (!result.tiles().isEmpty()) {
            return "the image after every tile's last step, whole-image loss " + loss;
        }
        String chosenBy = transfer.normalizesGradients() ? "lowest normalised objective" : "lowest loss";
        return String.format(Locale.ROOT, "the %s: iteration %d of %d, loss %s", chosenBy, result.bestIteration(),
                result.lossHistory().size(), loss);
    }

    /** Builds the job's transfer (reading and checking its inputs) and prints what it will do. */
    private StyleTransfer announce(BatchPlan.Job job, StyleTransferBuilder builder, ResumeState resume) {
        StyleTransfer transfer;
        try {
            transfer = builder.resumeFrom(resume).build();
        } catch (InvalidSettingException e) {
            if (resume == null || !"resumeFrom".equals(e.setting())) {
                throw e;
            }
            Map<String, Object> current = settings.apply(builder.resumeFrom(null).build());
            throw new InvalidSettingException("resumeFrom", e.getMessage()
                    + ResumeMismatch.explain(recordPath(job.output()), current));
        }
        out.println(summary(job, transfer, resume));
        out.flush();
        return transfer;
    }

    private List<Path> writeExtras(StyleTransfer transfer, StyleTransferResult result, RunRecorder recorder,
            PreviousRun previous, Path output) {
        List<Path> written = new ArrayList<>();
        List<RunRecorder.Step> steps = recorder.steps(result.lossHistory(), previous);
        Path record = recordPath(output);
        double seconds = previous.endMillis() / 1000.0 + result.elapsed().toMillis() / 1000.0;
        Map<String, Object> used = settings.apply(transfer);
        used.put("--record", RunRecord.value(record));
        RunRecord.write(record, used, weights.get(), transfer, result, steps, seconds, output);
        written.add(record);
        if (extras.plot() != null) {
            LossPlot.write(steps.stream().map(step -> new LossPlot.Point(step.iteration(), step.losses())).toList(),
                    "nst losses", "iteration", extras.plot());
            written.add(extras.plot());
        }
        if (extras.animate() != null) {
            BufferedImage last = result.image();
            List<BufferedImage> frames = new ArrayList<>();
            // Frames of earlier levels are smaller; a GIF has one size.
            recorder.frames(previous).forEach(frame -> frames.add(Images.resize(frame, last.getWidth(),
                    last.getHeight())));
            frames.add(last);
            GifAnimation.write(frames, ANIMATION_FRAME_MILLIS, extras.animate());
            written.add(extras.animate());
        }
        return written;
    }

    /** The record of {@code output}: --record, or {@code <output>.json}. */
    Path recordPath(Path output) {
        return extras.record() != null ? extras.record() : OutputPaths.record(output);
    }

    /** Animation frames: every --save-every iterations, else about 40 over the run. */
    private int frameEvery(int totalIterations) {
        return extras.saveEvery() > 0 ? extras.saveEvery() : Math.max(1, totalIterations / 40);
    }

    private static String names(List<Path> files) {
        return files.stream().map(Path::toString).collect(Collectors.joining(", "));
    }

    /** "Estimated time: about 1 h 05 min here (a step at 729x729 px takes 4.20 s)". */
    static String estimateLine(TimeEstimate estimate) {
        TimeEstimate.UnitCosts costs = estimate.costs();
        long minutes = Math.max(1, Math.round(estimate.total().toSeconds() / 60.0));
        String time = minutes < 60 ? minutes + " min" : String.format(Locale.ROOT, "%d h %02d min", minutes / 60,
                minutes % 60);
        return String.format(Locale.ROOT, "Estimated time: about %s here (a step at %s px takes %.2f s)",
                time, costs.window(), costs.stepSeconds());
    }

    private String summary(BatchPlan.Job job, StyleTransfer transfer, ResumeState resume) {
        String styleNames = job.styles().stream().map(Path::toString).collect(Collectors.joining(" + "));
        String what = switch (transfer.mode()) {
            case TEXTURE -> "Synthesising the texture of " + styleNames;
            case CONTENT -> "Reconstructing " + job.content() + " from " + transfer.contentLayers();
            case TRANSFER -> "Stylising " + job.content() + " with " + styleNames;
        };
        String levels = transfer.levels().size() == 1 ? "" : " in " + transfer.levels().size() + " scales ("
                + transfer.levels().stream().map(level -> level.output().toString())
                        .collect(Collectors.joining(", ")) + ")";
        int iterations = transfer.iterationsPerLevel();
        String perScale = transfer.levels().size() == 1 ? "" : " per scale";
        // A tiled scale spends each iteration in every tile: its steps are counted apart from the iterations.
        String tiles = transfer.levels().stream().filter(PyramidLevel::tiled).reduce((first, second) -> second)
                .map(level -> {
                    int count = 0;
                    for (int pass = 0; pass < level.tiles().passes(); pass++) {
                        count += level.tiles().grid(level.output().width(), level.output().height(), pass).tiles()
                                .size();
                    }
                    return String.format(Locale.ROOT, " in %d tiles of up to %d px over %d passes (%d steps in all)",
                            count, level.tiles().maxWindow(), level.tiles().passes(), transfer.totalIterations());
                }).orElse("");
        String resumed = resume == null ? "" : ", resuming after iteration " + resume.iterationsDone();
        return String.format(Locale.ROOT, "%s at %dx%d px%s, %d iteration%s%s%s, %s, weights: %s%s", what,
                transfer.outputWidth(), transfer.outputHeight(), levels, iterations, iterations == 1 ? "" : "s",
                perScale, tiles, transfer.optimizer().name().toLowerCase(Locale.ROOT), weights.get(), resumed);
    }
}
