package io.github.nst4j.weights.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.nst4j.error.NstException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.Adler32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Download} against a real HTTP server on loopback, scripted to cut, corrupt or ignore ranges. */
class DownloadTest {
    private static final int FILE_BYTES = 3 * 1024 * 1024 + 12_345;
    private static final int CUT_AT = FILE_BYTES / 3;

    /** One scripted server response. */
    @FunctionalInterface
    private interface Response {
        void send(HttpExchange exchange) throws IOException;
    }

    @TempDir
    Path dir;

    private final byte[] file = new byte[FILE_BYTES];
    private final byte[] corrupt = new byte[FILE_BYTES];
    /** Responses for the next requests, in order; once empty the server serves the file properly. */
    private final Queue<Response> script = new ArrayDeque<>();
    /** The Range header of each request received, "" when it had none. */
    private final List<String> ranges = new CopyOnWriteArrayList<>();
    private final List<long[]> progress = new CopyOnWriteArrayList<>();
    private final List<String> retries = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private URI uri;
    private Path target;

    @BeforeEach
    void startServer() throws IOException {
        new Random(42).nextBytes(file);
        System.arraycopy(file, 0, corrupt, 0, FILE_BYTES);
        corrupt[FILE_BYTES / 2] ^= 1;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/vgg19.zip", exchange -> {
            ranges.add(Objects.requireNonNullElse(exchange.getRequestHeaders().getFirst("Range"), ""));
            Response response = Objects.requireNonNullElse(script.poll(), this::serveWithRanges);
            try (exchange) {
                response.send(exchange);
            }
        });
        server.start();
        uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/vgg19.zip");
        target = dir.resolve("models/vgg19/vgg19.zip");
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void downloadsVerifiesAndReportsProgressToTheFullSize() throws IOException {
        Path fetched = download(adler32(file)).fetch();

        assertThat(fetched).isEqualTo(target);
        assertThat(Files.readAllBytes(target)).isEqualTo(file);
        assertThat(part()).doesNotExist();
        assertThat(ranges).containsExactly("");
        assertThat(retries).isEmpty();
        assertThat(progress).isNotEmpty().last().satisfies(last ->
                assertThat(last).containsExactly(FILE_BYTES, FILE_BYTES));
        assertThat(progress).allSatisfy(event -> assertThat(event[0]).isBetween(0L, (long) FILE_BYTES));
    }

    @Test
    void resumesWithARangeAfterTheConnectionIsCutMidFile() throws IOException {
        script.add(this::cutAfterAThird);

        download(adler32(file)).fetch();

        assertThat(ranges).containsExactly("", "bytes=" + CUT_AT + "-");
        assertThat(retries).singleElement().asString().contains("resuming");
        assertThat(Files.readAllBytes(target)).isEqualTo(file);
        assertThat(part()).doesNotExist();
    }

    @Test
    void serverIgnoringTheRangeStillGivesTheRightFile() throws IOException {
        script.add(this::cutAfterAThird);
        script.add(exchange -> serveWhole(exchange, file));

        download(Checksum.sha256(sha256(file))).fetch();

        assertThat(ranges).containsExactly("", "bytes=" + CUT_AT + "-");
        assertThat(Files.readAllBytes(target)).isEqualTo(file);
    }

    @Test
    void continuesAPartLeftByAnEarlierRun() throws IOException {
        Files.createDirectories(target.getParent());
        Files.write(part(), Arrays.copyOf(file, CUT_AT));

        download(adler32(file)).fetch();

        assertThat(ranges).containsExactly("bytes=" + CUT_AT + "-");
        assertThat(Files.readAllBytes(target)).isEqualTo(file);
    }

    @Test
    void startsAgainWhenTheServerRejectsTheRangeOfAStalePart() throws IOException {
        Files.createDirectories(target.getParent());
        Files.write(part(), new byte[FILE_BYTES + 1]);
        script.add(exchange -> exchange.sendResponseHeaders(416, -1));

        download(adler32(file)).fetch();

        assertThat(ranges).containsExactly("bytes=" + (FILE_BYTES + 1) + "-", "");
        assertThat(Files.readAllBytes(target)).isEqualTo(file);
    }

    @Test
    void wrongBytesAreDownloadedOnceMore() throws IOException {
        script.add(exchange -> serveWhole(exchange, corrupt));

        download(adler32(file)).fetch();

        assertThat(ranges).containsExactly("", "");
        assertThat(retries).singleElement().asString().contains("Adler-32", "downloading again");
        assertThat(Files.readAllBytes(target)).isEqualTo(file);
    }

    @Test
    void wrongBytesTwiceFailAndLeaveNoFileBehind() {
        script.add(exchange -> serveWhole(exchange, corrupt));
        script.add(exchange -> serveWhole(exchange, corrupt));
        Download download = download(adler32(file));

        assertThatThrownBy(download::fetch).isInstanceOf(NstException.class)
                .hasMessageContaining(uri.toString()).hasMessageContaining("Adler-32");
        assertThat(ranges).hasSize(2);
        assertThat(target).doesNotExist();
        assertThat(part()).doesNotExist();
    }

    @Test
    void aSecondCutFailsButKeepsThePartForTheNextRun() {
        script.add(this::cutAfterAThird);
        script.add(exchange -> {
            exchange.getResponseHeaders().set("Content-Range", "bytes " + CUT_AT + "-" + (FILE_BYTES - 1) + "/" + FILE_BYTES);
            sendCut(exchange, 206, FILE_BYTES - CUT_AT, CUT_AT, 1000);
        });
        Download download = download(adler32(file));

        assertThatThrownBy(download::fetch).isInstanceOf(NstException.class)
                .hasMessageContaining("resumes from " + part());
        assertThat(part()).hasSize(CUT_AT + 1000);
        assertThat(target).doesNotExist();
    }

    @Test
    void closedPortFailsWithAOneLineMessageNamingTheUrlAndTheOfflineOption() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        URI unreachable = URI.create("http://127.0.0.1:" + closedPort + "/vgg19.zip");
        Download download = Download.builder().uri(unreachable).target(target).checksum(adler32(file)).build();

        assertThatThrownBy(download::fetch).isInstanceOf(NstException.class)
                .hasMessageContaining(unreachable.toString())
                .hasMessageContaining(target.toString())
                .hasMessageContaining("to work offline, use untrained weights (no file needed) or a weights file")
                .hasMessageNotContaining("\n");
    }

    @Test
    void httpErrorIsReportedWithItsStatus() {
        script.add(exchange -> exchange.sendResponseHeaders(404, -1));
        Download download = download(adler32(file));

        assertThatThrownBy(download::fetch).isInstanceOf(NstException.class).hasMessageContaining("HTTP 404");
        assertThat(target).doesNotExist();
    }

    @Test
    void existingTargetIsReturnedWithoutARequest() throws IOException {
        Files.createDirectories(target.getParent());
        Files.write(target, new byte[] {1, 2, 3});

        assertThat(download(adler32(file)).fetch()).isEqualTo(target);

        assertThat(ranges).isEmpty();
        assertThat(Files.readAllBytes(target)).containsExactly(1, 2, 3);
    }

    private Download download(Checksum checksum) {
        return Download.builder().uri(uri).target(target).checksum(checksum)
                .listener(new DownloadListener() {
                    @Override
                    public void onProgress(long bytesDone, long totalBytesOrMinus1, double bytesPerSecond) {
                        progress.add(new long[] {bytesDone, totalBytesOrMinus1});
                    }

                    @Override
                    public void onRetry(String reason) {
                        retries.add(reason);
                    }
                })
                .build();
    }

    private Path part() {
        return target.resolveSibling(target.getFileName() + ".part");
    }

    /** Serves the file, honouring a {@code Range: bytes=N-} header as a range-capable server does. */
    private void serveWithRanges(HttpExchange exchange) throws IOException {
        String range = exchange.getRequestHeaders().getFirst("Range");
        if (range == null) {
            serveWhole(exchange, file);
            return;
        }
        int from = Integer.parseInt(range.substring("bytes=".length(), range.length() - 1));
        exchange.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + (FILE_BYTES - 1) + "/" + FILE_BYTES);
        exchange.sendResponseHeaders(206, FILE_BYTES - from);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(file, from, FILE_BYTES - from);
        }
    }

    private static void serveWhole(HttpExchange exchange, byte[] bytes) throws IOException {
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream body = exchange.getResponseBody()) {
            body.write(bytes);
        }
    }

    private void cutAfterAThird(HttpExchange exchange) throws IOException {
        sendCut(exchange, 200, FILE_BYTES, 0, CUT_AT);
    }

    /** Promises {@code contentLength} bytes but sends only {@code count} bytes of the file from {@code from}. */
    private void sendCut(HttpExchange exchange, int status, long contentLength, int from, int count) throws IOException {
        exchange.sendResponseHeaders(status, contentLength);
        OutputStream body = exchange.getResponseBody();
        body.write(file, from, count);
        body.flush();
        // Closing a body short of its length makes the server drop the connection: the client sees it cut.
    }

    private static Checksum adler32(byte[] bytes) {
        Adler32 adler32 = new Adler32();
        adler32.update(bytes);
        return Checksum.adler32(adler32.getValue());
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
