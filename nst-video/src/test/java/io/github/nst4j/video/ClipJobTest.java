package io.github.nst4j.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.nst4j.listener.IterationListener;
import io.github.nst4j.video.io.Clips;
import io.github.nst4j.video.io.FrameReader;
import io.github.nst4j.video.io.VideoException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A clip job stopped between frames keeps them, refuses to start over them, and resumes after them. */
class ClipJobTest {
    @TempDir
    Path dir;

    @Test
    void aStoppedJobKeepsItsFramesAndResumesAfterThem() throws Exception {
        Path clip = TestClips.encode(TestClips.pannedFrames(5, 64, 48), dir.resolve("clip.mp4"), false);
        Path output = dir.resolve("out.mp4");
        VideoStyleTransfer transfer = VideoStyleTransfer.builder()
                .model(TestModels.responsive(1)).build();
        ClipJob.Request request = new ClipJob.Request(clip, output, 0, 0, false);

        int done = ClipJob.open(transfer, request).run(new StopAfter(2));

        assertThat(done).isEqualTo(2);
        Path work = dir.resolve("out.mp4.frames");
        assertThat(work.resolve("00002.png")).exists();
        assertThat(work.resolve("00003.png")).doesNotExist();
        assertThat(output).doesNotExist();

        assertThatThrownBy(() -> ClipJob.open(transfer, request)).isInstanceOf(VideoException.class)
                .hasMessageContaining("already holds 2 stylised frames").hasMessageContaining("--resume");

        ClipJob resumed = ClipJob.open(transfer, new ClipJob.Request(clip, output, 0, 0, true));
        assertThat(resumed.framesDone()).isEqualTo(2);
        RecordingListener listener = new RecordingListener();
        assertThat(resumed.run(listener)).isEqualTo(5);
        assertThat(listener.first).isEqualTo(3);
        try (FrameReader reader = Clips.open(output, 0)) {
            int frames = 0;
            while (reader.next() != null) {
                frames++;
            }
            assertThat(frames).isEqualTo(5);
        }
        assertThat(work).doesNotExist();
    }

    /** Stops the job once {@code frames} frames are done. */
    private static final class StopAfter implements ClipListener {
        private final int frames;
        private int done;

        StopAfter(int frames) {
            this.frames = frames;
        }

        @Override
        public void frameDone(int number, int total, double seconds) {
            done = number;
        }

        @Override
        public boolean stopRequested() {
            return done >= frames;
        }
    }

    /** Notes the first frame it sees stylised. */
    private static final class RecordingListener implements ClipListener {
        int first;

        @Override
        public IterationListener frameStarted(int number, int total) {
            if (first == 0) {
                first = number;
            }
            return IterationListener.NONE;
        }
    }
}
