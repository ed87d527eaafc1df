package io.github.nst4j.cli.studio;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.nst4j.cli.NstMain;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code nst studio}'s command line: what it refuses before serving anything, and what it warns about. */
class StudioCommandTest {
    @TempDir
    Path temp;

    @Test
    void aWeightsFileIsNotAChoice() {
        Run run = run("studio", "--weights", "vgg19.npz");
        assertThat(run.code).isEqualTo(2);
        assertThat(run.err).contains("nst: error: --weights: choose pretrained, untrained or random; the studio takes no weights file");
    }

    @Test
    void aTakenPortIsRefusedAfterTheWarningAboutAnotherHost() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            Run run = run("studio", "--host", "0.0.0.0", "--port", String.valueOf(taken.getLocalPort()));
            assertThat(run.code).isEqualTo(2);
            assertThat(run.err.lines().toList()).first().asString()
                    .startsWith("nst studio: warning: listening on 0.0.0.0, not loopback");
            assertThat(run.err).contains("Cannot listen on 0.0.0.0:" + taken.getLocalPort());
        }
    }

    @Test
    void aKeepFolderThatIsAFileIsRefused() throws Exception {
        Path file = Files.writeString(temp.resolve("results"), "a file");
        Run run = run("studio", "--keep", file.toString());
        assertThat(run.code).isEqualTo(1);
        assertThat(run.err).contains("nst: error: Cannot create the --keep folder " + file);
    }

    @Test
    void keptResultsStayAndCarryTheSessionInTheirNames() throws Exception {
        Path folder = temp.resolve("kept");
        try (ResultsFolder kept = ResultsFolder.kept(folder)) {
            Files.writeString(kept.image(1), "x");
            assertThat(kept.image(1).getFileName().toString()).matches("studio-\\d{8}-\\d{6}-run-1\\.png");
            assertThat(kept.record(1).getFileName().toString()).endsWith("-run-1.json");
        }
        assertThat(folder).isDirectory();
        assertThat(Files.list(folder)).hasSize(1);
        ResultsFolder temporary = ResultsFolder.temporary();
        Files.writeString(temporary.image(1), "x");
        temporary.close();
        assertThat(temporary.folder()).doesNotExist();
    }

    private record Run(int code, String err) {
    }

    private static Run run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine commandLine = NstMain.commandLine();
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setOut(new PrintWriter(new StringWriter(), true));
        return new Run(commandLine.execute(args), err.toString());
    }
}
