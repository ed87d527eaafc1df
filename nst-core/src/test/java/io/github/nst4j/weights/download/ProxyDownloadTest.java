package io.github.nst4j.weights.download;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.Adler32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A download through a loopback HTTP proxy: the proxy sees the absolute address of a host that does
 * not exist (so only the proxy can answer it) and serves the file itself.
 */
class ProxyDownloadTest {
    private static final URI FILE = URI.create("http://weights.invalid/models/vgg19.bin");
    private static final byte[] BYTES = "weights through a proxy".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    private HttpServer proxy;
    /** Each request line's target and its Proxy-Authorization header ("" when none). */
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private String requiredAuthorization;

    @BeforeEach
    void startProxy() throws IOException {
        proxy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        proxy.createContext("/", exchange -> {
            String authorization = Objects.requireNonNullElse(
                    exchange.getRequestHeaders().getFirst("Proxy-Authorization"), "");
            seen.add(exchange.getRequestURI() + " " + authorization);
            try (exchange) {
                if (requiredAuthorization != null && !requiredAuthorization.equals(authorization)) {
                    exchange.getResponseHeaders().set("Proxy-Authenticate", "Basic realm=\"test\"");
                    exchange.sendResponseHeaders(407, -1);
                    return;
                }
                exchange.sendResponseHeaders(200, BYTES.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(BYTES);
                }
            }
        });
        proxy.start();
    }

    @AfterEach
    void stopProxy() {
        proxy.stop(0);
    }

    @Test
    void theEnvironmentsProxyWithItsCredentialsGetsTheRequest() throws IOException {
        requiredAuthorization = "Basic " + Base64.getEncoder().encodeToString("alice:s3cret".getBytes(StandardCharsets.UTF_8));
        ProxyChoice environment = new ProxyChoice(
                Map.of("http_proxy", "http://alice:s3cret@127.0.0.1:" + proxy.getAddress().getPort()), name -> null);

        Path fetched = download().proxies(environment).build().fetch();

        assertThat(Files.readAllBytes(fetched)).isEqualTo(BYTES);
        assertThat(seen).last().isEqualTo(FILE + " " + requiredAuthorization);
    }

    @Test
    void javasProxyPropertiesGetTheRequest() throws IOException {
        String host = System.getProperty("http.proxyHost");
        String port = System.getProperty("http.proxyPort");
        System.setProperty("http.proxyHost", "127.0.0.1");
        System.setProperty("http.proxyPort", Integer.toString(proxy.getAddress().getPort()));
        try {
            Path fetched = download().proxies(new ProxyChoice(Map.of(), System::getProperty)).build().fetch();

            assertThat(Files.readAllBytes(fetched)).isEqualTo(BYTES);
            assertThat(seen).containsExactly(FILE + " ");
        } finally {
            restore("http.proxyHost", host);
            restore("http.proxyPort", port);
        }
    }

    private Download.Builder download() {
        Adler32 adler32 = new Adler32();
        adler32.update(BYTES);
        return Download.builder().uri(FILE).target(dir.resolve("vgg19.bin")).checksum(Checksum.adler32(adler32.getValue()));
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }
}
