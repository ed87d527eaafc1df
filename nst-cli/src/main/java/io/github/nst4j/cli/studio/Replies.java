package io.github.nst4j.cli.studio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** The studio's replies: JSON, text and bytes, never cached; each completes the request. */
final class Replies {
    static final ObjectMapper JSON = new ObjectMapper();

    private Replies() {
    }

    static void json(Response response, Callback callback, int status, Object body) {
        try {
            bytes(response, callback, status, "application/json", JSON.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Cannot write a reply as JSON", e);
        }
    }

    /** A refusal: {@code {"message": ..., "setting": ...}}, the setting (a builder method) only where one is at fault. */
    static void problem(Response response, Callback callback, int status, String message, String setting) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", message);
        if (setting != null) {
            body.put("setting", setting);
        }
        json(response, callback, status, body);
    }

    static void text(Response response, Callback callback, int status, String text) {
        bytes(response, callback, status, "text/plain; charset=utf-8", (text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    static void bytes(Response response, Callback callback, int status, String type, byte[] body) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}
