package io.github.nst4j.video.io;

/**
 * What a clip's stylised copy must keep: its frame size, frame rate, number of frames (as far as
 * the container tells it before decoding) and whether it has sound.
 *
 * @param width frame width in pixels
 * @param height frame height in pixels
 * @param frameRate frames per second
 * @param frameCount frames in the clip; an estimate from the container's duration for a video file
 * @param audioChannels channels of the audio track, 0 without one
 * @param sampleRate audio samples per second per channel, 0 without audio
 */
public record VideoFormat(int width, int height, double frameRate, int frameCount, int audioChannels,
        int sampleRate) {
    /** Whether the clip has an audio track. */
    public boolean hasAudio() {
        return audioChannels > 0;
    }
}
