package io.github.nst4j.cli.studio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.nst4j.cli.transfer.StudioRecords;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What a studio session holds is bounded: images (pixels and count), freed when removed or, least
 * recently used first, to make room, but never while a run uses them; and the pages it streams
 * events to. Studios with small limits; random weights, 64 px.
 */
class StudioLimitsTest {
    private static final int WIDTH = 80;
    private static final int HEIGHT = 60;
    /** The pixels of one test photo. */
    private static final long PHOTO = WIDTH * HEIGHT;

    @Test
    void imagesAreFreedOldestFirstAndWhenRemoved() throws Exception {
        try (Studio studio = start(new StudioLimits(3 * PHOTO, StudioLimits.IMAGES, StudioLimits.STYLES_PER_RUN,
                StudioLimits.EVENT_STREAMS))) {
            StudioClient client = listening(studio);
            String first = client.upload("first.png", WIDTH, HEIGHT);
            String second = client.upload("second.png", WIDTH, HEIGHT);
            String third = client.upload("third.png", WIDTH, HEIGHT);
            String fourth = client.upload("fourth.png", WIDTH, HEIGHT);
            assertThat(freed(client, first).path("name").asText()).isEqualTo("first.png");
            HttpResponse<String> gone = client.get("api/images/thumbnail?id=" + first);
            assertThat(gone.statusCode()).isEqualTo(404);
            assertThat(gone.body()).contains("removed or freed to make room): add the image again");
            assertThat(held(client)).containsExactly(second, third, fourth);

            assertThat(client.post("api/images/remove?id=" + second, new byte[0]).statusCode()).isEqualTo(200);
            assertThat(freed(client, second).path("name").asText()).isEqualTo("second.png");
            assertThat(held(client)).containsExactly(third, fourth);

            HttpResponse<String> large = client.post("api/images?name=large.png", StudioClient.png(200, 100));
            assertThat(large.statusCode()).isEqualTo(413);
            assertThat(StudioClient.JSON.readTree(large.body()).path("message").asText()).isEqualTo("large.png has"
                    + " 200x100 pixels, more than the 0.0144 megapixels the studio holds at once: scale it down, or"
                    + " give Java more memory (NST_JAVA_OPTS=-Xmx8g)");
            assertThat(held(client)).containsExactly(third, fourth);
        }
    }

    @Test
    void theNumberOfImagesIsBoundedToo() throws Exception {
        try (Studio studio = start(new StudioLimits(StudioLimits.MAX_IMAGE_PIXELS, 2, StudioLimits.STYLES_PER_RUN,
                StudioLimits.EVENT_STREAMS))) {
            StudioClient client = listening(studio);
            String first = client.upload("first.png", 8, 6);
            String second = client.upload("second.png", 8, 6);
            String third = client.upload("third.png", 8, 6);
            freed(client, first);
            assertThat(held(client)).containsExactly(second, third);
        }
    }

    @Test
    void theImagesOfARunAreNotFreedWhileItGoes() throws Exception {
        try (Studio studio = start(new StudioLimits(3 * PHOTO, StudioLimits.IMAGES, StudioLimits.STYLES_PER_RUN,
                StudioLimits.EVENT_STREAMS))) {
            StudioClient client = listening(studio);
            String content = client.upload("content.png", WIDTH, HEIGHT);
            String style = client.upload("style.png", WIDTH, HEIGHT);
            int run = StudioClient.json(client.postJson("api/runs", StudioClient.settings(content, style, 64, 5000)))
                    .path("run").asInt();
            client.next("progress", run);
            String spare = client.upload("spare.png", WIDTH, HEIGHT);
            String later = client.upload("later.png", WIDTH, HEIGHT);
            freed(client, spare);
            assertThat(held(client)).containsExactlyInAnyOrder(content, style, later);

            HttpResponse<String> tall = client.post("api/images?name=tall.png", StudioClient.png(WIDTH, 2 * HEIGHT));
            assertThat(tall.statusCode()).isEqualTo(413);
            assertThat(StudioClient.JSON.readTree(tall.body()).path("message").asText()).isEqualTo("tall.png (0.00960"
                    + " megapixels) does not fit beside the images of the current run in the 0.0144 megapixels the"
                    + " studio holds at once: stop the run or scale the image down");
            assertThat(held(client)).as("nothing is freed for an image that cannot fit")
                    .containsExactlyInAnyOrder(content, style, later);

            client.post("api/runs/stop", new byte[0]);
            client.next("result", run);
            String tallId = client.upload("tall.png", WIDTH, 2 * HEIGHT);
            assertThat(held(client)).containsExactly(later, tallId);
        }
    }

    @Test
    void pagesBeyondTheCapGetNoEventStreamAndTheServerGoesOn() throws Exception {
        try (Studio studio = start(new StudioLimits(StudioLimits.MAX_IMAGE_PIXELS, StudioLimits.IMAGES,
                StudioLimits.STYLES_PER_RUN, 2))) {
            StudioClient client = listening(studio);
            StudioClient.RawStream second = client.openStream();
            assertThat(second.statusLine()).isEqualTo("HTTP/1.1 200 OK");
            try (StudioClient.RawStream third = client.openStream()) {
                assertThat(third.statusLine()).startsWith("HTTP/1.1 503");
                assertThat(third.rest()).contains("{\"message\":\"The studio already sends live updates to 2 open"
                        + " pages, its limit: close studio tabs you no longer use, then reload this one\"}");
            }
            assertThat(client.get("api/config").statusCode()).isEqualTo(200);

            // A page that goes away frees its place: the server notices at its next keep-alive.
            second.close();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            String status;
            do {
                try (StudioClient.RawStream again = client.openStream()) {
                    status = again.statusLine();
                }
            } while (!status.startsWith("HTTP/1.1 200") && System.nanoTime() < deadline && pause());
            assertThat(status).isEqualTo("HTTP/1.1 200 OK");
        }
    }

    private static Studio start(StudioLimits limits) throws Exception {
        return Studio.start("127.0.0.1", 0, WeightsChoice.RANDOM, ResultsFolder.temporary(), new StudioRecords(),
                limits);
    }

    private static StudioClient listening(Studio studio) throws Exception {
        StudioClient client = new StudioClient(studio.address());
        client.listen();
        return client;
    }

    private static JsonNode freed(StudioClient client, String id) throws InterruptedException {
        return client.next("freed", "image " + id, data -> data.path("id").asText().equals(id)).data();
    }

    /** The ids of the images the studio holds, least recently added or used by a run first. */
    private static Iterable<String> held(StudioClient client) throws Exception {
        return StudioClient.json(client.get("api/state")).path("images").findValuesAsText("id");
    }

    private static boolean pause() throws InterruptedException {
        Thread.sleep(200);
        return true;
    }
}
