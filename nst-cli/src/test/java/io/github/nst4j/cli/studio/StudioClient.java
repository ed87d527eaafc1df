package io.github.nst4j.cli.studio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/** Talks to a studio as its page does, with the token in every address; and follows its events. */
final class StudioClient {
    /** Bounds every wait for an event; a run of the tests' size takes seconds, minutes on a loaded machine. */
    private static final long EVENT_WAIT_MINUTES = 10;
    static final ObjectMapper JSON = new ObjectMapper();

    /** One Server-Sent Event: its name and JSON data. */
    record Event(String name, JsonNode data) {
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;
    private final String token;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

    StudioClient(URI address) {
        this.base = address.resolve("/");
        this.token = address.getQuery().substring("token=".length());
    }

    URI base() {
        return base;
    }

    String token() {
        return token;
    }

    /** {@code path} with the token added to its query. */
    URI withToken(String path) {
        return base.resolve(path + (path.contains("?") ? "&" : "?") + "token=" + token);
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(withToken(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(withToken(path)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> post(String path, byte[] body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(withToken(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> postJson(String path, Map<String, Object> body) throws IOException, InterruptedException {
        return post(path, JSON.writeValueAsBytes(body));
    }

    /** Uploads a {@code width x height} PNG named {@code name}; returns its id. */
    String upload(String name, int width, int height) throws IOException, InterruptedException {
        return json(post("api/images?name=" + name, png(width, height))).path("id").asText();
    }

    /** The settings of a run of random weights. */
    static Map<String, Object> settings(String content, String style, int size, int iterations) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("content", content);
        settings.put("styles", List.of(style));
        settings.put("size", size);
        settings.put("iterations", iterations);
        settings.put("weights", WeightsChoice.RANDOM);
        return settings;
    }

    /** A PNG with a gradient, so that style and content losses are not zero. */
    static byte[] png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x * 255 / width) << 16 | (y * 255 / height) << 8 | ((x + y) % 7) * 30);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return png.toByteArray();
    }

    /** The JSON of a reply that must have succeeded. */
    static JsonNode json(HttpResponse<String> reply) throws IOException {
        if (reply.statusCode() / 100 != 2) {
            throw new AssertionError("HTTP " + reply.statusCode() + ": " + reply.body());
        }
        return JSON.readTree(reply.body());
    }

    /**
     * A request as raw HTTP/1.1, for headers Java's client will not send as given (Host); returns
     * the status line and body.
     */
    String raw(String method, String path, Map<String, String> headers) throws IOException {
        try (Socket socket = send(method, path, headers)) {
            String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return reply.substring(0, reply.indexOf("\r\n")) + reply.substring(reply.indexOf("\r\n\r\n"));
        }
    }

    /**
     * Opens the event stream on a connection of its own, as one more page would, and returns it
     * with its status line once that has arrived; the stream lasts until the socket is closed.
     */
    RawStream openStream() throws IOException {
        Socket socket = send("GET", "/api/events?token=" + token, Map.of("Host", "127.0.0.1:" + base.getPort()));
        InputStream in = socket.getInputStream();
        StringBuilder status = new StringBuilder();
        for (int c = in.read(); c != '\r' && c >= 0; c = in.read()) {
            status.append((char) c);
        }
        return new RawStream(socket, status.toString());
    }

    /** An event stream as {@link #openStream()} opened it. */
    record RawStream(Socket socket, String statusLine) implements AutoCloseable {
        /** The rest of a refused stream's reply: headers and body. */
        String rest() throws IOException {
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    /** Sends a request without a body, the connection to be closed after the reply. */
    private Socket send(String method, String path, Map<String, String> headers) throws IOException {
        Socket socket = new Socket(base.getHost(), base.getPort());
        // A reply that never ends fails the test rather than hanging it.
        socket.setSoTimeout((int) TimeUnit.MINUTES.toMillis(1));
        StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        request.append("Content-Length: 0\r\nConnection: close\r\n\r\n");
        OutputStream out = socket.getOutputStream();
        out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    /** Starts following the event stream, until the studio closes it. */
    void listen() throws IOException, InterruptedException {
        HttpResponse<Stream<String>> stream = http.send(HttpRequest.newBuilder(withToken("api/events")).build(),
                HttpResponse.BodyHandlers.ofLines());
        Thread listener = new Thread(() -> {
            String name = null;
            for (String line : (Iterable<String>) stream.body()::iterator) {
                if (line.startsWith("event: ")) {
                    name = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    try {
                        events.add(new Event(name, JSON.readTree(line.substring(6))));
                    } catch (IOException e) {
                        throw new IllegalStateException("Not JSON: " + line, e);
                    }
                }
            }
        }, "studio-events");
        listener.setDaemon(true);
        listener.start();
    }

    /** The next event named {@code name} about run {@code run}, skipping others. */
    Event next(String name, int run) throws InterruptedException {
        return next(name, "run " + run, data -> data.path("run").asInt(data.path("id").asInt()) == run);
    }

    /** The next event named {@code name} whose data is {@code about}, skipping others. */
    Event next(String name, String what, Predicate<JsonNode> about) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(EVENT_WAIT_MINUTES);
        while (System.nanoTime() < deadline) {
            Event event = events.poll(1, TimeUnit.SECONDS);
            if (event != null && event.name().equals(name) && about.test(event.data())) {
                return event;
            }
            if (event != null && event.name().equals("failure") && about.test(event.data())) {
                throw new AssertionError(what + " failed: " + event.data().path("message").asText());
            }
        }
        throw new AssertionError("No " + name + " event for " + what + " within " + EVENT_WAIT_MINUTES + " minutes");
    }
}
