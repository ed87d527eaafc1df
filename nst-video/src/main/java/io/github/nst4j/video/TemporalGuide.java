package io.github.nst4j.video;

import io.github.nst4j.video.flow.FrameMotion;
import java.awt.image.BufferedImage;

/**
 * The previous stylised frame warped into the current one, with the motion that warped it (whose
 * mask says where the warp holds).
 */
record TemporalGuide(BufferedImage warped, FrameMotion motion) {
}
