package io.github.nst4j.video.bench;

import io.github.nst4j.fast.FastStyleModel;
import io.github.nst4j.fast.TransformerNet;
import io.github.nst4j.fast.TransformerSize;
import io.github.nst4j.image.ImageWriter;
import io.github.nst4j.image.Images;
import io.github.nst4j.video.ClipJob;
import io.github.nst4j.video.ClipListener;
import io.github.nst4j.video.VideoStyleTransfer;
import io.github.nst4j.video.flow.FrameMotion;
import io.github.nst4j.video.flow.OpticalFlow;
import io.github.nst4j.video.io.FramePattern;
import io.github.nst4j.video.io.VideoEncoder;
import io.github.nst4j.video.io.VideoFormat;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Frames per second of {@code nst video --model} on this machine: a clip of a panned photo is
 * encoded, then stylised end to end by a {@link ClipJob} (decoding, optical flow both ways, the
 * network, blending, the frames written as PNG, encoding with H.264); and the network and the flow
 * are timed alone on the same frames. Without {@code --model} the network is an untrained one of
 * the standard size, which costs what a trained one does.
 */
@Command(name = "fast-video-benchmark", mixinStandardHelpOptions = true,
        description = "Frames per second of a fast style network on a video clip, end to end and by stage.")
public final class FastVideoBenchmark implements Callable<Integer> {
    @Option(names = "--model", paramLabel = "MODEL", description = "A model nst train wrote (default: untrained, standard size).")
    private Path model;

    @Option(names = "--photo", paramLabel = "FILE", defaultValue = "nst-examples/images/content/tubingen.jpg",
            description = "The photo the clip pans over. Default: ${DEFAULT-VALUE}.")
    private Path photo;

    @Option(names = "--width", defaultValue = "640", description = "Frame width. Default: ${DEFAULT-VALUE}.")
    private int width;

    @Option(names = "--height", defaultValue = "360", description = "Frame height. Default: ${DEFAULT-VALUE}.")
    private int height;

    @Option(names = "--frames", defaultValue = "48", description = "Frames in the clip. Default: ${DEFAULT-VALUE}.")
    private int count;

    @Option(names = "--temporal-weight", defaultValue = "" + VideoStyleTransfer.DEFAULT_BLEND_WEIGHT,
            description = "Blend weight of the warped previous output (0: frames on their own). Default: ${DEFAULT-VALUE}.")
    private double temporalWeight;

    public static void main(String[] args) {
        System.exit(new CommandLine(new FastVideoBenchmark()).execute(args));
    }

    @Override
    public Integer call() throws IOException {
        FastStyleModel network = model != null ? FastStyleModel.load(model)
                : new FastStyleModel(TransformerSize.STANDARD, TransformerNet.initialWeights(TransformerSize.STANDARD, 1),
                        java.util.Map.of());
        List<BufferedImage> frames = PannedPhoto.frames(Images.read(photo), count, width, height);
        Path work = Files.createTempDirectory("nst-video-bench");
        try {
            Path clip = encode(frames, work);
            // The network's graph is built on its first image; that once-per-run cost is not a frame's.
            network.stylize(frames.get(0));
            System.out.printf(Locale.ROOT, "Clip: %d frames of %dx%d px; %d cores; network %s%n", count, width, height,
                    Runtime.getRuntime().availableProcessors(), model == null ? "untrained (standard size)" : model);

            long start = System.nanoTime();
            VideoStyleTransfer transfer = VideoStyleTransfer.builder().model(network).temporalWeight(temporalWeight).build();
            ClipJob.open(transfer, new ClipJob.Request(clip, work.resolve("out.mp4"), 0, 0, false)).run(ClipListener.NONE);
            report("End to end (decode, flow, network, blend, PNG frames, encode)", start);

            start = System.nanoTime();
            for (BufferedImage frame : frames) {
                network.stylize(frame);
            }
            report("Network alone", start);

            start = System.nanoTime();
            try (OpticalFlow flow = new OpticalFlow()) {
                for (int i = 1; i < frames.size(); i++) {
                    FrameMotion.between(flow, frames.get(i - 1), frames.get(i));
                }
            }
            report("Optical flow alone (both ways, with the mask)", start, frames.size() - 1);
        } finally {
            delete(work);
        }
        return 0;
    }

    private Path encode(List<BufferedImage> frames, Path work) {
        FramePattern pattern = FramePattern.of(work.resolve("in/%05d.png"));
        try {
            Files.createDirectories(pattern.folder());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (int i = 0; i < frames.size(); i++) {
            ImageWriter.write(frames.get(i), pattern.file(i + 1));
        }
        Path clip = work.resolve("clip.mp4");
        VideoEncoder.encode(pattern, frames.size(), new VideoFormat(width, height, 24, frames.size(), 0, 0), null, clip);
        return clip;
    }

    private void report(String what, long startNanos) {
        report(what, startNanos, count);
    }

    private static void report(String what, long startNanos, int frames) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        System.out.printf(Locale.ROOT, "%-66s %6.2f frames/s  (%d frames in %.1f s)%n", what + ":", frames / seconds,
                frames, seconds);
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
