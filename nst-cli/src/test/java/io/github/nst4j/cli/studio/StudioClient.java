package io.github.nst4j.cli.studio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

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
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
            headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            request.append("Content-Length: 0\r\nConnection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String reply = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return reply.substring(0, reply.indexOf("\r\n")) + reply.substring(reply.indexOf("\r\n\r\n"));
        }
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
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(EVENT_WAIT_MINUTES);
        while (System.nanoTime() < deadline) {
            Event event = events.poll(1, TimeUnit.SECONDS);
            if (event != null && event.name().equals(name) && event.data().path("run").asInt(
                    event.data().path("id").asInt()) == run) {
                return event;
            }
            if (event != null && event.name().equals("failure") && event.data().path("run").asInt() == run) {
                throw new AssertionError("Run " + run + " failed: " + event.data().path("message").asText());
            }
        }
        throw new AssertionError("No " + name + " event for run " + run + " within " + EVENT_WAIT_MINUTES + " minutes");
    }
}
