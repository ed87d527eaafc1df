package io.github.nst4j.cli.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A write that would destroy an input, or another write, is found by real path before any work. */
class RunFilesTest {
    @TempDir
    Path dir;

    @Test
    void aWriteOnAnInputIsAClash() throws IOException {
        Path content = Files.createFile(dir.resolve("photo.png"));
        RunFiles files = new RunFiles();
        files.read("--content", content);
        files.write("--output", dir.resolve("out.png"));
        assertThat(files.clash()).isNull();
        files.write("--record", dir.resolve("sub").resolve("..").resolve("photo.png"));
        assertThat(files.clash()).startsWith("--record ").contains("is the same file as the --content input "
                + content);
    }

    @Test
    void aWriteThroughALinkIsAWriteOnWhatItLinksTo() throws IOException {
        Path content = Files.createFile(dir.resolve("photo.png"));
        Path link = Files.createSymbolicLink(dir.resolve("link.png"), content.getFileName());
        Path linkedDirectory = Files.createSymbolicLink(dir.resolve("here"), dir);
        RunFiles files = new RunFiles();
        files.read("--content", content);
        files.write("--output", link);
        assertThat(files.clash()).startsWith("--output " + link + " is the same file as the --content input");
        RunFiles throughDirectory = new RunFiles();
        throughDirectory.read("--init", linkedDirectory.resolve("photo.png"));
        throughDirectory.write("--plot", content);
        assertThat(throughDirectory.clash()).startsWith("--plot " + content + " is the same file as the --init input");
    }

    @Test
    void twoWritesOfOneFileAreAClash() {
        RunFiles files = new RunFiles();
        files.write("--output of a.png x s.png", dir.resolve("coll").resolve("a_s.png"));
        files.write("--output of b.png x s.png", dir.resolve("coll").resolve("a_s.png"));
        assertThat(files.clash()).isEqualTo("--output of a.png x s.png and --output of b.png x s.png would both write "
                + dir.resolve("coll").resolve("a_s.png") + "; give each its own file");
    }

    @Test
    void checkpointsMayNotHitAnInput() {
        RunFiles files = new RunFiles();
        files.read("--init", dir.resolve("out_0001.png"));
        files.read("--style", dir.resolve("out_final.png"));
        files.writeCheckpoints("--save-every", dir.resolve("out.png"),
                (output, name) -> name.startsWith("out_") && name.endsWith(".png"));
        assertThat(files.clash()).startsWith("--save-every would overwrite the --init input " + dir.resolve(
                "out_0001.png"));
    }

    /** --resume names the state the run itself rewrites: read whole before the run, so that is the point. */
    @Test
    void theResumedStateMayBeRewritten() {
        Path state = dir.resolve("out.png.state.npz");
        RunFiles files = new RunFiles();
        files.read("--resume", state);
        files.write(RunFiles.STATE, state);
        assertThat(files.clash()).isNull();
        files.write("--record", state);
        assertThat(files.clash()).startsWith("--record " + state + " is the same file as the --resume input");
    }
}
