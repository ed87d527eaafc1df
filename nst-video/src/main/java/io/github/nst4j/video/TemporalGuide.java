package io.github.nst4j.video;

import io.github.nst4j.video.flow.FrameMotion;
import java.awt.image.BufferedImage;

/**
 * The previous stylised frame warped into the current one, with the motion that warped it (whose
 * mask says where the warp holds), and the start image made of it: the warped frame where the warp
 * holds, the input frame elsewhere.
 */
record TemporalGuide(BufferedImage warped, FrameMotion motion, BufferedImage start) {
}
