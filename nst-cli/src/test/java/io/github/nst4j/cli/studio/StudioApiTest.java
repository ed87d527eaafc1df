package io.github.nst4j.cli.studio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.nst4j.cli.transfer.StudioRecords;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The studio's server as the page and as a stranger use it: token, Host and Origin checks, upload
 * limits, settings errors, and runs that stop, queue and leave their image and record. Random
 * weights, 64 px.
 */
class StudioApiTest {
    private static Studio studio;
    private static StudioClient client;
    private static Path results;

    @BeforeAll
    static void start() throws Exception {
        studio = Studio.start("127.0.0.1", 0, WeightsChoice.RANDOM, ResultsFolder.temporary(), new StudioRecords(),
                StudioLimits.forHeap(Runtime.getRuntime().maxMemory()));
        results = studio.folder().folder();
        client = new StudioClient(studio.address());
        client.listen();
    }

    @AfterAll
    static void stop() {
        studio.close();
        assertThat(results).as("the temporary results folder is removed").doesNotExist();
    }

    @Test
    void withoutTheTokenEverythingIsForbidden() throws Exception {
        for (String path : List.of("/", "/api/config", "/api/events", "/studio.js")) {
            String reply = client.raw("GET", path, Map.of("Host", "127.0.0.1:" + client.base().getPort()));
            assertThat(reply).as(path).startsWith("HTTP/1.1 403").contains("lacks the studio's token");
        }
        String token = client.token();
        String wrong = client.raw("GET", "/api/config?token=" + (token.charAt(0) == 'A' ? 'B' : 'A') + token.substring(1),
                Map.of("Host", "127.0.0.1:" + client.base().getPort()));
        assertThat(wrong).startsWith("HTTP/1.1 403");
    }

    @Test
    void theFirstVisitSetsACookieThatStandsForTheToken() throws Exception {
        HttpResponse<String> page = client.get("");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>nst studio</title>");
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict");
        String reply = client.raw("GET", "/api/config", Map.of("Host", "localhost:" + client.base().getPort(),
                "Cookie", cookie.substring(0, cookie.indexOf(';'))));
        assertThat(reply).startsWith("HTTP/1.1 200").contains("\"maxUploadBytes\"");
    }

    @Test
    void anotherSiteIsRefusedEvenWithTheToken() throws Exception {
        int port = client.base().getPort();
        String query = "/api/config?token=" + client.token();
        assertThat(client.raw("GET", query, Map.of("Host", "attacker.example:" + port)))
                .startsWith("HTTP/1.1 403").contains("Host header");
        assertThat(client.raw("POST", "/api/runs/stop?token=" + client.token(),
                Map.of("Host", "127.0.0.1:" + port, "Origin", "http://attacker.example")))
                .startsWith("HTTP/1.1 403").contains("Origin http://attacker.example");
        assertThat(client.raw("GET", query, Map.of("Host", "127.0.0.1:" + port, "Origin", "http://127.0.0.1:" + port)))
                .startsWith("HTTP/1.1 200");
        assertThat(client.raw("GET", query, Map.of("Host", "localhost:" + port, "Origin", "http://localhost:" + port)))
                .startsWith("HTTP/1.1 200");
    }

    @Test
    void aPageOfAnotherAddressOnTheSamePortIsAnotherSite() throws Exception {
        int port = client.base().getPort();
        String query = "/api/config?token=" + client.token();
        for (String origin : List.of("http://192.168.1.20:" + port, "http://10.0.0.1:" + port, "http://localhost:" + port)) {
            assertThat(client.raw("GET", query, Map.of("Host", "127.0.0.1:" + port, "Origin", origin)))
                    .as(origin).startsWith("HTTP/1.1 403").contains("Origin " + origin);
        }
    }

    @Test
    void thePageHasAnIcon() throws Exception {
        Matcher icon = Pattern.compile("<link rel=\"icon\" href=\"([^\"]+)\"").matcher(client.get("").body());
        assertThat(icon.find()).as("the page links an icon").isTrue();
        HttpResponse<String> reply = client.get(icon.group(1));
        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.headers().firstValue("Content-Type")).contains("image/svg+xml");
        assertThat(reply.body()).startsWith("<svg");
    }

    @Test
    void uploadsAreDecodedWithoutCacheFilesOnDisk() throws Exception {
        // ImageIO's cache folder is made unusable: an upload still works as no cache file is written.
        byte[] photo = StudioClient.png(40, 30);
        Path gone = Files.createTempDirectory("imageio-cache");
        ImageIO.setCacheDirectory(gone.toFile());
        Files.delete(gone);
        try {
            HttpResponse<String> reply = client.post("api/images?name=photo.png", photo);
            assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        } finally {
            ImageIO.setCacheDirectory(null);
        }
    }

    @Test
    void settingsOfTheWrongShapeAreRefusedInOneSentence() throws Exception {
        HttpResponse<String> none = client.post("api/runs", "null".getBytes(StandardCharsets.UTF_8));
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(StudioClient.JSON.readTree(none.body()).path("message").asText())
                .isEqualTo("The run's settings must be a JSON object such as {\"size\": 512}, as the page sends, not null");

        HttpResponse<String> list = client.post("api/runs", "[]".getBytes(StandardCharsets.UTF_8));
        assertThat(list.statusCode()).isEqualTo(400);
        assertThat(list.body()).contains("must be a JSON object");

        String content = upload("content.png");
        String style = upload("style.png");
        Map<String, Object> fraction = StudioClient.settings(content, style, 64, 30);
        fraction.put("size", 64.5);
        JsonNode size = refused(fraction);
        assertThat(size.path("setting").asText()).isEqualTo("size");
        assertThat(size.path("message").asText()).isEqualTo("64.5 is not a whole number");

        Map<String, Object> blend = StudioClient.settings(content, style, 64, 30);
        blend.put("styleBlend", List.of("much"));
        assertThat(refused(blend).path("message").asText()).isEqualTo("much is not a number");

        Map<String, Object> unknown = StudioClient.settings(content, style, 64, 30);
        unknown.put("output", "/tmp/x.png");
        assertThat(refused(unknown).path("message").asText()).startsWith("Unknown setting 'output': the page sends only");
    }

    @Test
    void aRunTakesABoundedNumberOfStyles() throws Exception {
        String content = upload("content.png");
        String style = upload("style.png");
        Map<String, Object> many = StudioClient.settings(content, style, 64, 30);
        many.put("styles", Collections.nCopies(StudioLimits.STYLES_PER_RUN + 1, style));
        JsonNode refusal = refused(many);
        assertThat(refusal.path("setting").asText()).isEqualTo("style");
        assertThat(refusal.path("message").asText()).isEqualTo("A run takes at most " + StudioLimits.STYLES_PER_RUN
                + " styles (" + (StudioLimits.STYLES_PER_RUN + 1) + " were sent): remove some");
    }

    @Test
    void uploadsMustBeImagesOfALimitedSize() throws Exception {
        HttpResponse<String> text = client.post("api/images?name=notes.txt", "not a picture".getBytes(StandardCharsets.UTF_8));
        assertThat(text.statusCode()).isEqualTo(400);
        assertThat(text.body()).contains("notes.txt is not an image");

        HttpResponse<String> large = client.post("api/images?name=huge.png", new byte[UploadDecoder.MAX_BYTES + 1]);
        assertThat(large.statusCode()).isEqualTo(413);
        assertThat(large.body()).contains("huge.png is 50.0 MB, over the 50 MB limit");

        // A small file that would decode to 56 megapixels.
        BufferedImage bomb = new BufferedImage(8000, 7000, BufferedImage.TYPE_BYTE_BINARY);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(bomb, "png", png);
        HttpResponse<String> decompressed = client.post("api/images?name=bomb.png", png.toByteArray());
        assertThat(decompressed.statusCode()).isEqualTo(413);
        assertThat(decompressed.body()).contains("8000x7000 pixels");

        JsonNode photo = StudioClient.json(client.post("api/images?name=../../etc/photo.png", StudioClient.png(40, 30)));
        assertThat(photo.path("name").asText()).isEqualTo("photo.png");
        assertThat(photo.path("width").asInt()).isEqualTo(40);
        HttpResponse<byte[]> thumbnail = client.getBytes(photo.path("thumbnail").asText());
        assertThat(ImageIO.read(new ByteArrayInputStream(thumbnail.body())).getWidth()).isEqualTo(40);
    }

    @Test
    void samplesComeFromTheCatalogueOnly() throws Exception {
        JsonNode samples = StudioClient.json(client.get("api/samples"));
        assertThat(samples.findValuesAsText("key")).contains("content/tubingen.jpg", "style/starry_night.jpg");
        assertThat(client.post("api/samples/add?key=../../pom.xml", new byte[0]).statusCode()).isEqualTo(404);
        JsonNode added = StudioClient.json(client.post("api/samples/add?key=style/brick.png", new byte[0]));
        assertThat(added.path("width").asInt()).isEqualTo(512);
    }

    @Test
    void aBadSettingIsNamedAndNothingStarts() throws Exception {
        String content = upload("content.png");
        String style = upload("style.png");
        HttpResponse<String> huge = client.postJson("api/runs", StudioClient.settings(content, style, 100_000, 30));
        assertThat(huge.statusCode()).isEqualTo(400);
        assertThat(StudioClient.JSON.readTree(huge.body()).path("setting").asText()).isEqualTo("size");
        assertThat(huge.body()).contains("An output of 100000x75000 px needs about");

        Map<String, Object> file = StudioClient.settings(content, style, 64, 30);
        file.put("weights", "/etc/passwd");
        HttpResponse<String> weights = client.postJson("api/runs", file);
        assertThat(weights.statusCode()).isEqualTo(400);
        assertThat(weights.body()).contains("choose pretrained, untrained or random");

    }

    @Test
    void runsStopQueueAndLeaveTheirImageAndRecord() throws Exception {
        String content = upload("content.png");
        String style = upload("style.png");
        int first = StudioClient.json(client.postJson("api/runs", StudioClient.settings(content, style, 64, 1000))).path("run").asInt();
        assertThat(client.next("progress", first).data().path("total").asInt()).isEqualTo(1000);
        assertThat(client.next("preview", first).data().path("frame").asInt()).isEqualTo(1);
        assertThat(client.getBytes("api/preview.png").statusCode()).isEqualTo(200);

        HttpResponse<String> busy = client.postJson("api/runs", StudioClient.settings(content, style, 64, 3));
        assertThat(busy.statusCode()).isEqualTo(409);
        int second = StudioClient.json(client.postJson("api/runs?replace=true", StudioClient.settings(content, style, 64, 3)))
                .path("run").asInt();
        JsonNode stopped = client.next("result", first).data();
        assertThat(stopped.path("stopped").asBoolean()).isTrue();
        assertThat(stopped.path("iterations").asInt()).isLessThan(1000);
        JsonNode finished = client.next("result", second).data();
        assertThat(finished.path("stopped").asBoolean()).isFalse();
        assertThat(finished.path("iterations").asInt()).isEqualTo(3);

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(client.getBytes(finished.path("image").asText()).body()));
        assertThat(image.getWidth()).isEqualTo(64);
        assertThat(image.getHeight()).isEqualTo(48);
        HttpResponse<String> record = client.get(finished.path("record").asText() + "&download=1");
        assertThat(record.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment");
        JsonNode recorded = StudioClient.JSON.readTree(record.body());
        assertThat(recorded.path("settings").path("--size").asInt()).isEqualTo(64);
        assertThat(recorded.path("settings").path("--weights").asText()).isEqualTo("random");
        assertThat(recorded.path("iterations")).hasSize(3);
        assertThat(recorded.path("settings").path("--content").asText()).isEqualTo("content.png");
        assertThat(finished.path("imageNames").path(content).asText()).isEqualTo("content.png");
        JsonNode progress = StudioClient.json(client.get(finished.path("progress").asText()));
        assertThat(progress.findValuesAsText("iteration")).containsExactly("1", "2", "3");
        assertThat(Files.list(results).map(path -> path.getFileName().toString()))
                .contains("run-" + second + ".png", "run-" + second + ".json");

        int third = StudioClient.json(client.postJson("api/runs", StudioClient.settings(content, style, 64, 1000))).path("run").asInt();
        client.next("progress", third);
        assertThat(client.post("api/runs/stop", new byte[0]).statusCode()).isEqualTo(200);
        assertThat(client.next("result", third).data().path("stopped").asBoolean()).isTrue();
        assertThat(StudioClient.json(client.get("api/state")).path("results").findValuesAsText("stopped"))
                .hasSizeGreaterThanOrEqualTo(3);
    }

    /**
     * When no source of pretrained weights can be reached, the failure says so and hands the page
     * the untrained weights; a page that missed the event (its stream closed) finds the failure in
     * the state.
     */
    @Test
    void weightsThatCannotBeDownloadedOfferTheUntrainedOnes(@TempDir Path cache) throws Exception {
        NoDownloads noDownloads = new NoDownloads(cache);
        try (noDownloads; Studio offline = Studio.start("127.0.0.1", 0, WeightsChoice.PRETRAINED, ResultsFolder.temporary(),
                new StudioRecords(), StudioLimits.forHeap(Runtime.getRuntime().maxMemory()))) {
            StudioClient page = new StudioClient(offline.address());
            page.listen();
            String content = page.upload("content.png", 80, 60);
            String style = page.upload("style.png", 80, 60);
            Map<String, Object> settings = StudioClient.settings(content, style, 64, 2);
            settings.put("weights", "pretrained");
            int run = StudioClient.json(page.postJson("api/runs", settings)).path("run").asInt();
            JsonNode failure = page.next("failure", run).data();
            assertThat(failure.path("weights").asText()).isEqualTo("untrained");
            assertThat(failure.path("message").asText()).contains("No pretrained VGG19 weights could be downloaded", "set to untrained");
            JsonNode missed = StudioClient.json(new StudioClient(offline.address()).get("api/state")).path("failures");
            assertThat(missed).containsExactly(failure);
        }
    }

    private static String upload(String name) throws IOException, InterruptedException {
        return client.upload(name, 80, 60);
    }

    /** The refusal, with status 400, of a run with {@code settings}. */
    private static JsonNode refused(Map<String, Object> settings) throws IOException, InterruptedException {
        HttpResponse<String> reply = client.postJson("api/runs", settings);
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(400);
        return StudioClient.JSON.readTree(reply.body());
    }

}
