package io.github.nst4j.cli.studio;

import java.awt.Desktop;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code nst studio}: serves the studio page on this machine until Ctrl-C, printing its address
 * (with the session's token).
 */
@Command(name = "studio", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        description = {
            "Style transfer in the browser: a local web page to pick images, change settings, watch the image"
                    + " form and compare results. Prints the page's address; Ctrl-C ends it.",
            "Results go to a temporary folder removed on exit, unless --keep names a folder."
        })
public final class StudioCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on. Anything but loopback lets other machines reach the page (they"
                    + " still need its token); the traffic is not encrypted.")
    private String host;

    @Option(names = "--port", paramLabel = "N", defaultValue = "0", description = "Port to listen on; 0 picks a free one.")
    private int port;

    @Option(names = "--open", description = "Open the page in this machine's default browser.")
    private boolean open;

    @Option(names = "--keep", paramLabel = "DIR",
            description = "Keep the results (image and JSON record of each run) in DIR, created if missing.")
    private Path keep;

    @Option(names = "--weights", paramLabel = "pretrained|untrained|random", defaultValue = WeightsChoice.PRETRAINED,
            description = "The weights the page starts with (it can switch): pretrained (downloaded once, as for nst),"
                    + " untrained (no download; a plainer but real style transfer) or random (a pipeline check only).")
    private String weights;

    private final RecordWriter records;

    /** @param records writes each run's JSON record */
    public StudioCommand(RecordWriter records) {
        this.records = records;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!WeightsChoice.isChoice(weights)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--weights: choose pretrained, untrained or random; the studio takes no weights file");
        }
        if (!isLoopback(host)) {
            err.println("nst studio: warning: listening on " + host + ", not loopback: anyone who can reach this"
                    + " machine and learns the token can run jobs and read results, over unencrypted HTTP");
        }
        ResultsFolder folder = keep == null ? ResultsFolder.temporary() : ResultsFolder.kept(keep);
        Studio studio;
        try {
            studio = Studio.start(host, port, weights, folder, records,
                    StudioLimits.forHeap(Runtime.getRuntime().maxMemory()));
        } catch (IOException e) {
            folder.close();
            throw new CommandLine.ParameterException(spec.commandLine(), "Cannot listen on " + host + ":" + port
                    + " (" + e.getMessage() + "); choose another --port or --host");
        }
        Runtime.getRuntime().addShutdownHook(new Thread(studio::close, "nst-studio-shutdown"));
        out.println("nst studio: open " + studio.address());
        out.println("Results go to " + folder.folder().toAbsolutePath() + (folder.isTemporary() ? " (removed on exit)" : "")
                + ". Ctrl-C stops the studio.");
        out.flush();
        if (open) {
            openBrowser(studio, err);
        }
        studio.join();
        return CommandLine.ExitCode.OK;
    }

    private static void openBrowser(Studio studio, PrintWriter err) {
        if (!Desktop.isDesktopSupported() || !Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
            err.println("nst studio: no default browser here; open the address above yourself");
            return;
        }
        try {
            Desktop.getDesktop().browse(studio.address());
        } catch (IOException e) {
            err.println("nst studio: could not open a browser (" + e.getMessage() + "); open the address above yourself");
        }
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
