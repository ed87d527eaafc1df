package io.github.nst4j.video;

import io.github.nst4j.StyleTransfer;
import io.github.nst4j.StyleTransferBuilder;
import io.github.nst4j.StyleTransferResult;
import io.github.nst4j.image.ImageSource;
import io.github.nst4j.listener.IterationListener;
import java.awt.image.BufferedImage;
import java.util.function.Consumer;

/**
 * Each frame optimised by {@link StyleTransfer} (Gatys et al.), as Ruder et al. do: from the warped
 * previous stylised frame (the input frame where the flow does not hold), with the temporal loss
 * against it where the flow holds.
 */
final class GatysFrames implements FrameStylizer {
    private final BufferedImage style;
    private final Consumer<StyleTransferBuilder> settings;
    private final double temporalWeight;

    GatysFrames(BufferedImage style, Consumer<StyleTransferBuilder> settings, double temporalWeight) {
        this.style = style;
        this.settings = settings;
        this.temporalWeight = temporalWeight;
    }

    @Override
    public BufferedImage stylize(BufferedImage frame, TemporalGuide guide, IterationListener listener) {
        StyleTransferBuilder builder = StyleTransfer.builder().content(frame).style(style);
        settings.accept(builder);
        builder.size(Math.max(frame.getWidth(), frame.getHeight()));
        if (guide != null && temporalWeight > 0) {
            builder.initImage(guide.start()).temporalTarget(guide.warped(), guide.motion().maskImage(), temporalWeight);
        }
        StyleTransferResult result = builder.build().run(listener);
        return result.stoppedEarly() ? null : result.image();
    }
}
