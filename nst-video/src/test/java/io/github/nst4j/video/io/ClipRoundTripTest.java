package io.github.nst4j.video.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nst4j.image.ImageWriter;
import io.github.nst4j.video.TestClips;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClipRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void encodedFramesComeBackWithTheirCountRateSizeAndSound() throws Exception {
        List<BufferedImage> frames = TestClips.pannedFrames(12, 64, 48);
        Path clip = TestClips.encode(frames, dir.resolve("clip.mp4"), true);
        FramePattern store = FramePattern.of(dir.resolve("frames/%05d.png"));
        Files.createDirectories(store.folder());
        VideoFormat format;
        try (FrameReader reader = Clips.open(clip, 0)) {
            format = reader.format();
            List<BufferedImage> decoded = readAll(reader);
            assertThat(decoded).hasSize(12);
            for (int i = 0; i < decoded.size(); i++) {
                ImageWriter.write(decoded.get(i), store.file(i + 1));
            }
        }
        assertThat(format.width()).isEqualTo(64);
        assertThat(format.height()).isEqualTo(48);
        assertThat(format.frameRate()).isEqualTo(TestClips.FRAME_RATE);
        assertThat(format.hasAudio()).isTrue();

        Path copy = dir.resolve("copy.mp4");
        VideoEncoder.encode(store, 12, format, clip, copy);
        try (FrameReader reader = Clips.open(copy, 0)) {
            assertThat(reader.format().frameRate()).isEqualTo(TestClips.FRAME_RATE);
            assertThat(reader.format().hasAudio()).isTrue();
            assertThat(readAll(reader)).hasSize(12);
        }
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                "clip.mp4", "frames", "copy.mp4");
    }

    @Test
    void aFrameFolderReadsInNumberOrder() throws Exception {
        List<BufferedImage> frames = TestClips.pannedFrames(3, 64, 48);
        FramePattern pattern = FramePattern.of(dir.resolve("f%03d.png"));
        for (int i = 0; i < frames.size(); i++) {
            ImageWriter.write(frames.get(i), pattern.file(i + 1));
        }
        try (FrameReader reader = Clips.open(dir.resolve("f%03d.png"), 12)) {
            assertThat(reader.format().frameCount()).isEqualTo(3);
            assertThat(reader.format().frameRate()).isEqualTo(12);
            assertThat(readAll(reader)).hasSize(3);
        }
    }

    @Test
    void aFileThatIsNoVideoIsRefusedWhenOpened() throws Exception {
        Path junk = Files.writeString(dir.resolve("junk.mp4"), "not a video at all");
        assertThatThrownBy(() -> Clips.open(junk, 0)).isInstanceOf(VideoException.class)
                .hasMessageContaining("Cannot read").hasMessageContaining("junk.mp4");
    }

    private static List<BufferedImage> readAll(FrameReader reader) {
        List<BufferedImage> frames = new ArrayList<>();
        BufferedImage frame;
        while ((frame = reader.next()) != null) {
            frames.add(frame);
        }
        return frames;
    }
}
