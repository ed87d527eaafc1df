package io.github.nst4j.cli.studio;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** The page's files, read once from the jar: the HTML, its scripts, its style sheet and its icon. */
final class PageResources {
    private static final Map<String, String> TYPES = Map.of(
            "index.html", "text/html; charset=utf-8",
            "studio.js", "text/javascript; charset=utf-8",
            "chart.js", "text/javascript; charset=utf-8",
            "studio.css", "text/css; charset=utf-8",
            "favicon.svg", "image/svg+xml");

    private final Map<String, byte[]> files = new LinkedHashMap<>();

    PageResources() {
        for (String name : TYPES.keySet()) {
            try (InputStream in = PageResources.class.getResourceAsStream("web/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("The studio's " + name + " is missing from the jar");
                }
                files.put(name, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the studio's " + name + " from the jar", e);
            }
        }
    }

    /** Sends page file {@code name}, one of the names this class knows. */
    void serve(String name, Response response, Callback callback) {
        Replies.bytes(response, callback, 200, TYPES.get(name), files.get(name));
    }
}
