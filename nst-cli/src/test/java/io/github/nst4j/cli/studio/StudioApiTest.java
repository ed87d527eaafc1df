package io.github.nst4j.cli.studio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.nst4j.cli.StudioRecords;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
        studio = Studio.start("127.0.0.1", 0, WeightsChoice.RANDOM, ResultsFolder.temporary(), new StudioRecords());
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
        String wrong = client.raw("GET", "/api/config?token=" + client.token().replace(client.token().charAt(0), '_'),
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

        JsonNode photo = StudioClient.json(client.post("api/images?name=../../etc/photo.png", pngOf(40, 30)));
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
        HttpResponse<String> huge = client.postJson("api/runs", settings(content, style, 100_000, 30));
        assertThat(huge.statusCode()).isEqualTo(400);
        assertThat(StudioClient.JSON.readTree(huge.body()).path("setting").asText()).isEqualTo("size");
        assertThat(huge.body()).contains("An output of 100000x75000 px needs about");

        Map<String, Object> file = settings(content, style, 64, 30);
        file.put("weights", "/etc/passwd");
        HttpResponse<String> weights = client.postJson("api/runs", file);
        assertThat(weights.statusCode()).isEqualTo(400);
        assertThat(weights.body()).contains("choose zoo or random");

        Map<String, Object> unknown = settings(content, style, 64, 30);
        unknown.put("output", "/tmp/x.png");
        assertThat(client.postJson("api/runs", unknown).statusCode()).isEqualTo(400);
    }

    @Test
    void runsStopQueueAndLeaveTheirImageAndRecord() throws Exception {
        String content = upload("content.png");
        String style = upload("style.png");
        int first = StudioClient.json(client.postJson("api/runs", settings(content, style, 64, 1000))).path("run").asInt();
        assertThat(client.next("progress", first).data().path("total").asInt()).isEqualTo(1000);
        assertThat(client.next("preview", first).data().path("frame").asInt()).isEqualTo(1);
        assertThat(client.getBytes("api/preview.png").statusCode()).isEqualTo(200);

        HttpResponse<String> busy = client.postJson("api/runs", settings(content, style, 64, 3));
        assertThat(busy.statusCode()).isEqualTo(409);
        int second = StudioClient.json(client.postJson("api/runs?replace=true", settings(content, style, 64, 3)))
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
        assertThat(Files.list(results).map(path -> path.getFileName().toString()))
                .contains("run-" + second + ".png", "run-" + second + ".json");

        int third = StudioClient.json(client.postJson("api/runs", settings(content, style, 64, 1000))).path("run").asInt();
        client.next("progress", third);
        assertThat(client.post("api/runs/stop", new byte[0]).statusCode()).isEqualTo(200);
        assertThat(client.next("result", third).data().path("stopped").asBoolean()).isTrue();
        assertThat(StudioClient.json(client.get("api/state")).path("results").findValuesAsText("stopped"))
                .hasSizeGreaterThanOrEqualTo(3);
    }

    private static String upload(String name) throws IOException, InterruptedException {
        return StudioClient.json(client.post("api/images?name=" + name, pngOf(80, 60))).path("id").asText();
    }

    private static Map<String, Object> settings(String content, String style, int size, int iterations) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("content", content);
        settings.put("styles", List.of(style));
        settings.put("size", size);
        settings.put("iterations", iterations);
        settings.put("weights", WeightsChoice.RANDOM);
        return settings;
    }

    /** A PNG with a gradient, so that style and content losses are not zero. */
    private static byte[] pngOf(int width, int height) throws IOException {
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
}
