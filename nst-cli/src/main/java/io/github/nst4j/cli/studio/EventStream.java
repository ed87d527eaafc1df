package io.github.nst4j.cli.studio;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.nst4j.cli.common.Plural;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Server-Sent Events to every open page: the run's progress, previews, results and errors. Each
 * page's stream is served on its own request thread, which sends what is published and a comment
 * now and then so that idle connections stay open. The streams are capped, as each holds a thread:
 * beyond the cap a page is refused (the page closes its stream while hidden, so that only visible
 * pages count).
 */
final class EventStream {
    /** Far below Jetty's 30-second idle timeout, and how soon a closed page's place is noticed free. */
    private static final long KEEP_ALIVE_SECONDS = 3;
    /** Events a slow page may fall behind by before it misses some (progress is sent every iteration). */
    private static final int BACKLOG = 10_000;
    private static final String CLOSED = "";

    private final Set<BlockingQueue<String>> pages = ConcurrentHashMap.newKeySet();
    private final int maxStreams;
    private volatile boolean closed;

    /** @param maxStreams streams served at once */
    EventStream(int maxStreams) {
        this.maxStreams = maxStreams;
    }

    /** Sends {@code data}, as JSON, to every open page as an event named {@code event}. */
    void publish(String event, Object data) {
        String text;
        try {
            text = "event: " + event + "\ndata: " + Replies.JSON.writeValueAsString(data) + "\n\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Cannot write the " + event + " event as JSON", e);
        }
        pages.forEach(queue -> queue.offer(text));
    }

    /**
     * Serves one page's stream until the page goes away or the studio closes; blocks the calling
     * thread. Beyond the cap, answers 503 with a sentence instead.
     */
    void serve(Response response, Callback callback) {
        BlockingQueue<String> queue = new LinkedBlockingQueue<>(BACKLOG);
        if (!admit(queue)) {
            Replies.problem(response, callback, 503, "The studio already sends live updates to "
                    + Plural.of(maxStreams, "open page") + ", its limit: close studio tabs you no longer use, then"
                    + " reload this one", null);
            return;
        }
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream; charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        try {
            send(response, ": connected\n\n");
            while (!closed) {
                String event = queue.poll(KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
                if (event == CLOSED) {
                    break;
                }
                send(response, event == null ? ": keep-alive\n\n" : event);
            }
            callback.succeeded();
        } catch (IOException e) {
            // The page went away.
            callback.failed(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            callback.failed(e);
        } finally {
            pages.remove(queue);
        }
    }

    /** Streams being served. */
    int openStreams() {
        return pages.size();
    }

    private synchronized boolean admit(BlockingQueue<String> queue) {
        return pages.size() < maxStreams && pages.add(queue);
    }

    /** Ends every stream. */
    void close() {
        closed = true;
        pages.forEach(queue -> queue.offer(CLOSED));
    }

    private static void send(Response response, String text) throws IOException {
        Content.Sink.write(response, false, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
    }
}
