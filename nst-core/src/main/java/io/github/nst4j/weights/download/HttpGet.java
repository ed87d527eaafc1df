package io.github.nst4j.weights.download;

import java.io.IOException;
import java.net.Authenticator;
import java.net.HttpURLConnection;
import java.net.PasswordAuthentication;
import java.net.URI;
import java.net.URLConnection;
import java.time.Duration;
import java.util.Set;

/** Opens a GET of a URL from a byte offset, through the chosen proxy, following redirects. */
final class HttpGet {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_REDIRECTS = 5;
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final ProxyChoice proxies;
    private final Duration readTimeout;

    /** @param readTimeout how long a silent server is waited for, for its response and for each read of the body */
    HttpGet(ProxyChoice proxies, Duration readTimeout) {
        this.proxies = proxies;
        this.readTimeout = readTimeout;
    }

    /**
     * Sends the request and waits for the status of the final (non-redirect) response.
     *
     * @param fromByte the first byte wanted; above 0 a {@code Range} header asks for the rest
     */
    HttpURLConnection open(URI uri, long fromByte) throws IOException {
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

    private HttpURLConnection connect(URI uri, long fromByte) throws IOException {
        ProxyChoice.Route route = proxies.route(uri);
        URLConnection connection = route.proxy() == null ? uri.toURL().openConnection()
                : uri.toURL().openConnection(route.proxy());
        if (!(connection instanceof HttpURLConnection http)) {
            throw new IOException("not an HTTP URL");
        }
        if (route.credentials() != null) {
            // Answered only to the proxy. For an https address the JDK refuses Basic credentials to a
            // proxy unless -Djdk.http.auth.tunneling.disabledSchemes= allows them.
            http.setAuthenticator(new ProxyCredentials(route.credentials()));
        }
        // Followed here instead: HttpURLConnection does not follow a redirect from http to https.
        http.setInstanceFollowRedirects(false);
        http.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
        http.setReadTimeout((int) readTimeout.toMillis());
        if (fromByte > 0) {
            http.setRequestProperty("Range", "bytes=" + fromByte + "-");
        }
        return http;
    }

    /** Gives the proxy its user and password, and nothing to anyone else. */
    private static final class ProxyCredentials extends Authenticator {
        private final PasswordAuthentication credentials;

        ProxyCredentials(PasswordAuthentication credentials) {
            this.credentials = credentials;
        }

        @Override
        protected PasswordAuthentication getPasswordAuthentication() {
            return getRequestorType() == RequestorType.PROXY ? credentials : null;
        }
    }
}
