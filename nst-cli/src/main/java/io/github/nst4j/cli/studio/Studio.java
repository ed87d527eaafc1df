package io.github.nst4j.cli.studio;

import io.github.nst4j.weights.download.DownloadListener;
import java.net.URI;
import java.util.Map;
import javax.imageio.ImageIO;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * A running studio: Jetty listening on one address, the session's token, the images, the runs and
 * the results folder. {@link #close()} stops the run, the server and removes a temporary results
 * folder.
 */
final class Studio implements AutoCloseable {
    private final Server server;
    private final URI address;
    private final EventStream events;
    private final RunCoordinator runs;
    private final ResultsFolder folder;
    private boolean closed;

    private Studio(Server server, URI address, EventStream events, RunCoordinator runs, ResultsFolder folder) {
        this.server = server;
        this.address = address;
        this.events = events;
        this.runs = runs;
        this.folder = folder;
    }

    /**
     * Starts the server on {@code host}; {@code port} 0 picks a free one.
     *
     * @param initialWeights the weights the page starts with: pretrained, untrained or random
     * @param folder where results go; closed with the studio
     * @param limits what the session may hold at once
     * @throws Exception if the server cannot start, e.g. the port is taken
     */
    static Studio start(String host, int port, String initialWeights, ResultsFolder folder, RecordWriter records,
            StudioLimits limits) throws Exception {
        // Decoding uploads and encoding previews in memory, not through imageio*.tmp files in the temp folder.
        ImageIO.setUseCache(false);
        EventStream events = new EventStream(limits.eventStreams());
        ImageStore images = new ImageStore(limits, freed -> events.publish("freed",
                Map.of("id", freed.id(), "name", freed.name())));
        RunCoordinator runs = new RunCoordinator(events, images, folder, records);
        DownloadListener download = (done, total, rate) -> events.publish("download",
                Map.of("done", done, "total", total, "bytesPerSecond", rate));
        AccessGuard guard = new AccessGuard(host);
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        server.setHandler(new StudioHandler(guard, new PageResources(), images, new ModelStore(), SampleCatalogue.load(),
                new WeightsChoice(download), runs, events, initialWeights, limits));
        try {
            server.start();
        } catch (Exception e) {
            server.stop();
            throw e;
        }
        // A wildcard address listens everywhere; a browser on this machine reaches it by loopback.
        String shown = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1"
                : host.contains(":") ? "[" + host + "]" : host;
        URI address = URI.create("http://" + shown + ":" + connector.getLocalPort() + "/?"
                + AccessGuard.TOKEN_PARAMETER + "=" + guard.token());
        return new Studio(server, address, events, runs, folder);
    }

    /** The page's address, with the token. */
    URI address() {
        return address;
    }

    ResultsFolder folder() {
        return folder;
    }

    /** Pages receiving events now. */
    int openStreams() {
        return events.openStreams();
    }

    /** Waits until the server stops. */
    void join() throws InterruptedException {
        server.join();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        events.close();
        runs.close();
        try {
            server.stop();
        } catch (Exception e) {
            System.err.println("nst studio: the server did not stop cleanly (" + e.getMessage() + ")");
        }
        folder.close();
    }
}
