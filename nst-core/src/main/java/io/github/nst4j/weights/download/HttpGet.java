package io.github.nst4j.weights.download;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLConnection;
import java.time.Duration;
import java.util.Set;

/** Opens a GET of a URL from a byte offset, following redirects. */
final class HttpGet {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    // A stalled server must not hang the download for ever; a timed-out read counts as a cut connection.
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);
    private static final int MAX_REDIRECTS = 5;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private HttpGet() {
    }

    /**
     * Sends the request and waits for the status of the final (non-redirect) response.
     *
     * @param fromByte the first byte wanted; above 0 a {@code Range} header asks for the rest
     */
    static HttpURLConnection open(URI uri, long fromByte) throws IOException {
        URI current = uri;
        for (int hops = 0; ; hops++) {
            HttpURLConnection connection = connect(current, fromByte);
            int status = connection.getResponseCode();
            if (!REDIRECTS.contains(status)) {
                return connection;
            }
            String location = connection.getHeaderField("Location");
            connection.disconnect();
            if (location == null || hops == MAX_REDIRECTS) {
                throw new IOException("HTTP " + status + (location == null ? " without a Location" : " redirects too often"));
            }
            current = current.resolve(location);
        }
    }

    private static HttpURLConnection connect(URI uri, long fromByte) throws IOException {
        URLConnection connection = uri.toURL().openConnection();
        if (!(connection instanceof HttpURLConnection http)) {
            throw new IOException("not an HTTP URL");
        }
        // Followed here instead: HttpURLConnection does not follow a redirect from http to https.
        http.setInstanceFollowRedirects(false);
        http.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
        http.setReadTimeout((int) READ_TIMEOUT.toMillis());
        if (fromByte > 0) {
            http.setRequestProperty("Range", "bytes=" + fromByte + "-");
        }
        return http;
    }
}
