package io.github.nst4j.video.io;

import org.bytedeco.ffmpeg.global.avutil;

/** FFmpeg's own console messages: off, so that a bad clip is reported in one line of ours, not pages of FFmpeg's. */
final class FFmpegLog {
    private static boolean silenced;

    private FFmpegLog() {
    }

    static synchronized void silence() {
        if (!silenced) {
            avutil.av_log_set_level(avutil.AV_LOG_QUIET);
            silenced = true;
        }
    }
}
