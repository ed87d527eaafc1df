package io.github.nst4j.cli.studio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.nst4j.cli.transfer.StudioRecords;
import io.github.nst4j.fast.FastStyleModel;
import io.github.nst4j.fast.TransformerNet;
import io.github.nst4j.fast.TransformerSize;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fast style models in the studio: a model file the page uploads stylises a held photo as a numbered
 * result with its image and record; a file that is no model, an unknown model and a bad size each
 * get one sentence. A tiny network with seeded random weights stands for a trained one.
 */
class StudioModelsTest {
    private static Studio studio;
    private static StudioClient client;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        studio = Studio.start("127.0.0.1", 0, WeightsChoice.RANDOM, ResultsFolder.temporary(), new StudioRecords(),
                StudioLimits.forHeap(Runtime.getRuntime().maxMemory()));
        client = new StudioClient(studio.address());
        client.listen();
    }

    @AfterAll
    static void stop() {
        studio.close();
    }

    @Test
    void anUploadedModelStylisesAPhotoAsAResult() throws Exception {
        TransformerSize size = new TransformerSize(4, 8, 8, 1);
        Path file = dir.resolve("tiny.nstm");
        new FastStyleModel(size, TransformerNet.initialWeights(size, 3), Map.of("style.0.name", "starry_night.jpg"))
                .save(file);
        JsonNode model = StudioClient.json(client.post("api/models?name=tiny.nstm", Files.readAllBytes(file)));
        assertThat(model.path("name").asText()).isEqualTo("tiny.nstm");
        assertThat(model.path("styles").get(0).asText()).isEqualTo("starry_night.jpg");
        assertThat(StudioClient.json(client.get("api/state")).path("models").get(0).path("id").asText())
                .isEqualTo(model.path("id").asText());

        String photo = client.upload("photo.png", 90, 60);
        int run = StudioClient.json(client.postJson("api/apply", Map.of("model", model.path("id").asText(),
                "content", photo, "size", 45))).path("run").asInt();
        JsonNode result = client.next("result", run).data();
        assertThat(result.path("model").asText()).isEqualTo("tiny.nstm");
        assertThat(result.path("content").asText()).isEqualTo(photo);
        HttpResponse<byte[]> image = client.getBytes(result.path("image").asText());
        BufferedImage styled = ImageIO.read(new ByteArrayInputStream(image.body()));
        assertThat(styled.getWidth()).isEqualTo(45);
        assertThat(styled.getHeight()).isEqualTo(30);
        JsonNode record = StudioClient.json(client.get(result.path("record").asText()));
        assertThat(record.path("model").asText()).isEqualTo("tiny.nstm");
        assertThat(record.path("content").asText()).isEqualTo("photo.png");
        assertThat(record.path("modelDescription").path("style.0.name").asText()).isEqualTo("starry_night.jpg");

        assertThat(client.post("api/models/remove?id=" + model.path("id").asText(), new byte[0]).statusCode())
                .isEqualTo(200);
        assertThat(StudioClient.json(client.get("api/state")).path("models")).isEmpty();
    }

    @Test
    void whatCannotBeAppliedGetsOneSentence() throws IOException, InterruptedException {
        HttpResponse<String> notAModel = client.post("api/models?name=notes.nstm", "not a model".getBytes());
        assertThat(notAModel.statusCode()).isEqualTo(400);
        assertThat(message(notAModel)).startsWith("notes.nstm: the file is not an nst4j fast style model");

        String photo = client.upload("photo.png", 40, 30);
        HttpResponse<String> unknown = client.postJson("api/apply", Map.of("model", "m99", "content", photo, "size", 40));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(message(unknown)).isEqualTo("No model m99 in this session: load the model file again");

        HttpResponse<String> noModel = client.postJson("api/apply", Map.of("content", photo, "size", 40));
        assertThat(noModel.statusCode()).isEqualTo(400);
        assertThat(body(noModel).path("setting").asText()).isEqualTo("model");

        HttpResponse<String> fractional = client.postJson("api/apply", Map.of("model", "m1", "content", photo,
                "size", 40.5));
        assertThat(fractional.statusCode()).isEqualTo(400);
        assertThat(body(fractional).path("setting").asText()).isEqualTo("size");
        assertThat(client.post("api/apply", "null".getBytes()).statusCode()).isEqualTo(400);
    }

    private static String message(HttpResponse<String> reply) throws IOException {
        return body(reply).path("message").asText();
    }

    private static JsonNode body(HttpResponse<String> reply) throws IOException {
        return StudioClient.JSON.readTree(reply.body());
    }
}
