package io.github.nst4j.cli.studio;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.nst4j.StyleTransfer;
import io.github.nst4j.error.InvalidSettingException;
import io.github.nst4j.error.NstException;
import io.github.nst4j.fast.TransformerNet;
import io.github.nst4j.weights.WeightsSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * The studio's addresses: the page and its script and style sheet, and the JSON API the page calls.
 * Every request passes the {@link AccessGuard} first; images are referred to by server-chosen ids
 * and results by number, so no request names a file.
 */
final class StudioHandler extends Handler.Abstract {
    /** The settings of a run are a few hundred bytes of JSON. */
    private static final int MAX_SETTINGS_BYTES = 64 * 1024;
    private static final double MEGABYTE = 1 << 20;
    /** Longest side of a fast model's output here; larger ones are for nst apply, which can tile them. */
    private static final int MAX_APPLY_SIZE = 2048;
    private static final String SECURITY_POLICY = "default-src 'self'; img-src 'self' blob: data:;"
            + " frame-ancestors 'none'; form-action 'none'; base-uri 'none'";

    private final AccessGuard guard;
    private final PageResources page;
    private final ImageStore images;
    private final ModelStore models;
    private final SampleCatalogue samples;
    private final WeightsChoice weights;
    private final RunCoordinator runs;
    private final EventStream events;
    private final String initialWeights;
    private final StudioLimits limits;

    StudioHandler(AccessGuard guard, PageResources page, ImageStore images, ModelStore models, SampleCatalogue samples,
            WeightsChoice weights, RunCoordinator runs, EventStream events, String initialWeights,
            StudioLimits limits) {
        this.guard = guard;
        this.page = page;
        this.images = images;
        this.models = models;
        this.samples = samples;
        this.weights = weights;
        this.runs = runs;
        this.events = events;
        this.initialWeights = initialWeights;
        this.limits = limits;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        response.getHeaders().put("X-Content-Type-Options", "nosniff");
        response.getHeaders().put("Content-Security-Policy", SECURITY_POLICY);
        response.getHeaders().put("Referrer-Policy", "no-referrer");
        String refusal = guard.refusal(request);
        if (refusal != null) {
            Replies.text(response, callback, 403, "Forbidden: " + refusal);
            return true;
        }
        try {
            route(request, response, callback, Request.extractQueryParameters(request));
        } catch (InvalidSettingException e) {
            Replies.problem(response, callback, 400, e.getMessage(), e.setting());
        } catch (Refusal e) {
            Replies.problem(response, callback, e.status(), e.getMessage(), null);
        } catch (NstException e) {
            Replies.problem(response, callback, 400, e.getMessage(), null);
        } catch (OutOfMemoryError e) {
            Replies.problem(response, callback, 503, "The studio ran out of memory: remove images you no longer use,"
                    + " or give Java more memory (NST_JAVA_OPTS=-Xmx8g)", null);
        } catch (RuntimeException e) {
            // Still one sentence for the page, never the server's error page.
            e.printStackTrace();
            Replies.problem(response, callback, 500, "Internal error (" + e + "); the server log has the details",
                    null);
        }
        return true;
    }

    private void route(Request request, Response response, Callback callback, Fields query) {
        String path = Request.getPathInContext(request);
        String method = request.getMethod();
        switch (method + " " + path) {
            case "GET /" -> {
                if (guard.tokenInAddress(request)) {
                    response.getHeaders().add(HttpHeader.SET_COOKIE, guard.cookie(request));
                }
                page.serve("index.html", response, callback);
            }
            case "GET /studio.js", "GET /studio.css", "GET /chart.js", "GET /favicon.svg" ->
                    page.serve(path.substring(1), response, callback);
            case "GET /api/config" -> Replies.json(response, callback, 200, config());
            case "GET /api/state" -> Replies.json(response, callback, 200, state());
            case "GET /api/events" -> events.serve(response, callback);
            case "GET /api/samples" -> Replies.json(response, callback, 200, samples.samples());
            case "GET /api/samples/thumbnail" -> png(response, callback, samples.thumbnail(samples.get(query.getValue("key"))));
            case "POST /api/samples/add" -> {
                SampleCatalogue.Sample sample = samples.get(query.getValue("key"));
                Replies.json(response, callback, 200, describe(images.add(sample.name(), samples.image(sample))));
            }
            case "POST /api/images" -> upload(request, response, callback, displayName(query.getValue("name")));
            case "GET /api/images/thumbnail" -> png(response, callback, images.get(query.getValue("id")).thumbnail());
            case "POST /api/images/remove" -> {
                images.remove(query.getValue("id"));
                Replies.json(response, callback, 200, Map.of("removed", query.getValue("id")));
            }
            case "POST /api/models" -> {
                String name = displayName(query.getValue("name"));
                byte[] bytes = body(request, ModelStore.MAX_BYTES, name);
                Replies.json(response, callback, 200, models.add(name, bytes).describe());
            }
            case "POST /api/models/remove" -> {
                models.remove(query.getValue("id"));
                Replies.json(response, callback, 200, Map.of("removed", query.getValue("id")));
            }
            case "POST /api/apply" -> apply(request, response, callback);
            case "POST /api/runs" -> start(request, response, callback, "true".equals(query.getValue("replace")));
            case "POST /api/runs/stop" -> {
                runs.stop();
                Replies.json(response, callback, 200, Map.of("stopping", true));
            }
            case "GET /api/preview.png" -> preview(response, callback);
            case "GET /api/results/image" -> file(response, callback, query, true);
            case "GET /api/results/record" -> file(response, callback, query, false);
            case "GET /api/results/thumbnail" -> png(response, callback, runs.result(number(query)).thumbnail());
            case "GET /api/results/progress" -> Replies.json(response, callback, 200, runs.result(number(query)).progress());
            default -> Replies.problem(response, callback, 404, "No such address: " + method + " " + path, null);
        }
    }

    private Map<String, Object> config() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("defaults", RunSettings.defaults(initialWeights));
        // The content weight's default depends on the weights; the page moves its slider when they change.
        config.put("contentWeightByWeights", Map.of(WeightsChoice.PRETRAINED, RunSettings.contentWeight(WeightsChoice.PRETRAINED),
                WeightsChoice.UNTRAINED, RunSettings.contentWeight(WeightsChoice.UNTRAINED),
                WeightsChoice.RANDOM, RunSettings.contentWeight(WeightsChoice.RANDOM)));
        config.put("maxUploadBytes", UploadDecoder.MAX_BYTES);
        return config;
    }

    private Map<String, Object> state() {
        LiveRun running = runs.running();
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("results", runs.summaries());
        state.put("running", running == null ? null : running.state());
        state.put("failures", runs.failures());
        state.put("images", images.held().stream().map(StudioHandler::describe).toList());
        state.put("models", models.held().stream().map(ModelStore.Entry::describe).toList());
        return state;
    }

    private void upload(Request request, Response response, Callback callback, String name) {
        byte[] bytes = body(request, UploadDecoder.MAX_BYTES, name);
        Replies.json(response, callback, 200, describe(images.add(name, UploadDecoder.decode(bytes, name, images))));
    }

    private void start(Request request, Response response, Callback callback, boolean replace) {
        RunSettings settings = SettingsReader.read(body(request, MAX_SETTINGS_BYTES, "The run's settings"));
        InvalidSettingException.require(!settings.styles().isEmpty(), "style", "Add a style image");
        // Stop is heard between iterations, not while each style's statistics are computed before the first.
        InvalidSettingException.require(settings.styles().size() <= limits.stylesPerRun(), "style",
                "A run takes at most " + limits.stylesPerRun() + " styles (" + settings.styles().size()
                        + " were sent): remove some");
        Map<String, String> imageNames = settings.imageNames(images);
        StyleTransfer transfer = settings.builder(images, weights).build();
        WeightsSource source = weights.source(settings.weights(), settings.seed());
        int id = runs.start(settings, imageNames, transfer, source::loadedDescription, replace);
        Replies.json(response, callback, 202, Map.of("run", id));
    }

    /** {"model": id, "content": image id, "size": long side}: the model's result as a numbered result. */
    private void apply(Request request, Response response, Callback callback) {
        JsonNode json;
        try {
            json = Replies.JSON.readTree(body(request, MAX_SETTINGS_BYTES, "The model's settings"));
        } catch (IOException e) {
            throw new Refusal(400, "The model's settings are not JSON (" + e.getMessage() + ")");
        }
        if (json == null || !json.isObject()) {
            throw new Refusal(400, "The model's settings must be a JSON object such as {\"model\": \"m1\","
                    + " \"content\": \"i1\", \"size\": 512}, as the page sends");
        }
        InvalidSettingException.require(json.path("model").isTextual(), "model", "Load a fast style model (.nstm)"
                + " and choose it");
        InvalidSettingException.require(json.path("content").isTextual(), "content", "Add a photo to apply the model to");
        JsonNode size = json.path("size");
        InvalidSettingException.require(size.isIntegralNumber() && size.asInt() >= TransformerNet.MIN_SIDE
                && size.asInt() <= MAX_APPLY_SIZE, "size", "Give a whole number of pixels from "
                + TransformerNet.MIN_SIDE + " to " + MAX_APPLY_SIZE);
        int id = runs.apply(models.get(json.path("model").asText()), images.get(json.path("content").asText()),
                size.asInt());
        Replies.json(response, callback, 202, Map.of("run", id));
    }

    private void preview(Response response, Callback callback) {
        LiveRun running = runs.running();
        byte[] preview = running == null ? null : running.preview();
        if (preview == null) {
            throw new Refusal(404, "No run is showing a preview");
        }
        png(response, callback, preview);
    }

    private void file(Response response, Callback callback, Fields query, boolean image) {
        StudioResult result = runs.result(number(query));
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(image ? result.image() : result.record());
        } catch (IOException e) {
            throw new Refusal(410, "The files of result " + result.id() + " are gone (" + e.getMessage() + ")");
        }
        if ("1".equals(query.getValue("download"))) {
            response.getHeaders().put(HttpHeader.CONTENT_DISPOSITION, "attachment; filename=\"nst-studio-run-"
                    + result.id() + (image ? ".png" : ".json") + "\"");
        }
        Replies.bytes(response, callback, 200, image ? "image/png" : "application/json", bytes);
    }

    private static void png(Response response, Callback callback, byte[] png) {
        Replies.bytes(response, callback, 200, "image/png", png);
    }

    private static Map<String, Object> describe(ImageStore.Entry entry) {
        return Map.of("id", entry.id(), "name", entry.name(), "width", entry.image().getWidth(),
                "height", entry.image().getHeight(), "thumbnail", "api/images/thumbnail?id=" + entry.id());
    }

    /**
     * The request's body, refused beyond {@code limit} bytes: by its declared length before a byte
     * is read, or, for a body of undeclared length, once it passes the limit.
     */
    private static byte[] body(Request request, int limit, String what) {
        long declared = request.getLength();
        if (declared > limit) {
            throw tooLarge(what, declared, limit);
        }
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] bytes = in.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw tooLarge(what, -1, limit);
            }
            return bytes;
        } catch (IOException e) {
            throw new Refusal(400, what + " did not arrive whole (" + e.getMessage() + "); try again");
        }
    }

    private static Refusal tooLarge(String what, long size, int limit) {
        String amount = size < 0 ? "over" : String.format(Locale.ROOT, "%.1f MB, over", size / MEGABYTE);
        return new Refusal(413, String.format(Locale.ROOT, "%s is %s the %.2g MB limit: use a smaller file (a photo"
                + " or painting needs far less)", what, amount, limit / MEGABYTE));
    }

    private static int number(Fields query) {
        try {
            return Integer.parseInt(query.getValue("id"));
        } catch (NumberFormatException e) {
            throw new Refusal(400, "A result number is needed (id=...)");
        }
    }

    /** The browser's file name, only ever shown: its last path element, printable, at most 80 characters. */
    static String displayName(String name) {
        if (name == null || name.isBlank()) {
            return "image";
        }
        String last = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        String printable = last.replaceAll("\\p{Cntrl}", "");
        return printable.length() > 80 ? printable.substring(0, 80) : printable.isEmpty() ? "image" : printable;
    }
}
