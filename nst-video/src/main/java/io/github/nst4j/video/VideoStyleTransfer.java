package io.github.nst4j.video;

import io.github.nst4j.StyleTransfer;
import io.github.nst4j.StyleTransferBuilder;
import io.github.nst4j.error.InvalidSettingException;
import io.github.nst4j.fast.FastStyleModel;
import io.github.nst4j.image.Images;
import io.github.nst4j.weights.WeightsSource;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Style transfer of video frames that does not flicker, after Ruder, Dosovitskiy and Brox,
 * "Artistic style transfer for videos" (GCPR 2016). Each frame is stylised either by optimisation
 * ({@link StyleTransfer}, Gatys et al.), starting from the previous stylised frame warped along the
 * optical flow and held to it by a temporal loss where the flow holds, or by a fast style network,
 * whose output is blended with the warped previous output there.
 *
 * <pre>{@code
 * VideoStyleTransfer transfer = VideoStyleTransfer.builder()
 *         .style(Path.of("painting.jpg"))
 *         .weights(WeightsSource.untrained(1))
 *         .settings(frame -> frame.iterations(100))
 *         .build();
 * try (FrameSequence frames = transfer.sequence()) {
 *     for (BufferedImage frame : clip) {
 *         write(frames.next(frame));
 *     }
 * }
 * }</pre>
 *
 * <p>For whole clips and frame folders, with progress, resuming and the sound kept, see {@link ClipJob}.
 */
public final class VideoStyleTransfer {
    /**
     * The temporal weight of optimised frames unless set: with the mean-square temporal loss in 0-255
     * pixel units, the weight at which consecutive frames of a panned photo differ, after warping, by
     * at most 0.6 of what independently stylised frames do (measured in the module's evidence test).
     */
    public static final double DEFAULT_TEMPORAL_WEIGHT = 1.0;
    /** The blend weight of fast-network frames unless set: the warped previous output and the new one count alike. */
    public static final double DEFAULT_BLEND_WEIGHT = 1.0;

    private final FrameStylizer stylizer;
    private final boolean temporal;

    private VideoStyleTransfer(FrameStylizer stylizer, boolean temporal) {
        this.stylizer = stylizer;
        this.temporal = temporal;
    }

    /** A builder; give it a style image or a fast style model. */
    public static Builder builder() {
        return new Builder();
    }

    /** A new run through consecutive frames of one clip, starting at its first frame. */
    public FrameSequence sequence() {
        return new FrameSequence(stylizer, temporal);
    }

    /** Settings of a {@link VideoStyleTransfer}. */
    public static final class Builder {
        private BufferedImage style;
        private FastStyleModel model;
        private WeightsSource weights;
        private Consumer<StyleTransferBuilder> settings = frame -> { };
        private Double temporalWeight;

        private Builder() {
        }

        /** The style image file: each frame is optimised (Gatys et al.). */
        public Builder style(Path file) {
            return style(Images.read(file));
        }

        /** The style image: each frame is optimised (Gatys et al.). */
        public Builder style(BufferedImage image) {
            this.style = image;
            return this;
        }

        /** A fast style network instead of a style image: each frame is one pass through it. */
        public Builder model(FastStyleModel fastModel) {
            this.model = fastModel;
            return this;
        }

        /**
         * The VGG19 weights of optimised frames (default {@link WeightsSource#pretrained()}); loaded once
         * for the whole clip.
         */
        public Builder weights(WeightsSource source) {
            this.weights = source;
            return this;
        }

        /**
         * Every other setting of the optimisation of each frame (iterations, loss weights, optimiser...),
         * applied to the frame's {@link StyleTransferBuilder}; the content, style, size, start image and
         * temporal target are the video's.
         */
        public Builder settings(Consumer<StyleTransferBuilder> frameSettings) {
            this.settings = frameSettings;
            return this;
        }

        /**
         * How strongly a frame is held to the previous one where the optical flow holds. For optimised
         * frames the weight of the temporal loss, {@code mean(c·(x − warped)²)} in 0-255 pixel units
         * (default {@value VideoStyleTransfer#DEFAULT_TEMPORAL_WEIGHT}); for a fast network the warped
         * previous output's weight against the new output's 1 (default
         * {@value VideoStyleTransfer#DEFAULT_BLEND_WEIGHT}). 0 stylises every frame on its own: the
         * baseline that flickers.
         */
        public Builder temporalWeight(double weight) {
            this.temporalWeight = weight;
            return this;
        }

        /**
         * @throws InvalidSettingException if neither or both of a style and a model are given, or the
         *     temporal weight is negative
         */
        public VideoStyleTransfer build() {
            InvalidSettingException.require(style != null ^ model != null, "style",
                    "Give either a style image (frames are optimised) or a fast style model, not "
                            + (style == null ? "neither" : "both"));
            double weight = temporalWeight != null ? temporalWeight
                    : model != null ? DEFAULT_BLEND_WEIGHT : DEFAULT_TEMPORAL_WEIGHT;
            InvalidSettingException.require(weight >= 0 && Double.isFinite(weight), "temporalWeight",
                    "The temporal weight must be zero or positive, got " + weight);
            if (model != null) {
                return new VideoStyleTransfer(new FastModelFrames(model, weight), weight > 0);
            }
            WeightsSource cachedWeights = weights == null ? null : weights.cached();
            Consumer<StyleTransferBuilder> frameSettings = frame -> {
                if (cachedWeights != null) {
                    frame.weights(cachedWeights);
                }
                settings.accept(frame);
            };
            return new VideoStyleTransfer(new GatysFrames(style, frameSettings, weight), weight > 0);
        }
    }
}
