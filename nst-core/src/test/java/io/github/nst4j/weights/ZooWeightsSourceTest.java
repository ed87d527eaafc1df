package io.github.nst4j.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.github.nst4j.error.NstException;
import io.github.nst4j.network.InputConvention;
import io.github.nst4j.network.Vgg19Weights;
import io.github.nst4j.network.VggLayer;
import io.github.nst4j.weights.download.Checksum;
import io.github.nst4j.weights.download.Download;
import io.github.nst4j.weights.download.DownloadListener;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.Adler32;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.deeplearning4j.zoo.model.VGG19;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The zoo source ({@link DownloadedWeightsSource}) against a loopback HTTP server serving a small VGG19 zip made by the test. */
class ZooWeightsSourceTest {
    @TempDir
    static Path served;

    private static Vgg19Weights original;
    private static byte[] zipBytes;
    private static long adler32;

    @TempDir
    Path cache;

    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();

    @BeforeAll
    static void writeZooZip() throws IOException {
        ComputationGraph graph = VGG19.builder().numClasses(10).inputShape(new int[] {3, 32, 32}).seed(9)
                .build().init();
        try {
            original = Vgg19Weights.fromZooGraph(graph);
            Path zip = served.resolve("vgg19_dl4j_inference.zip");
            ModelSerializer.writeModel(graph, zip.toFile(), false);
            zipBytes = Files.readAllBytes(zip);
        } finally {
            graph.close();
        }
        Adler32 checksum = new Adler32();
        checksum.update(zipBytes);
        adler32 = checksum.getValue();
    }

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/models/vgg19_dl4j_inference.zip", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(200, zipBytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(zipBytes);
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void firstUseDownloadsAndKeepsOnlyTheConvolutions() throws IOException {
        Vgg19Weights first = source(adler32).load();

        assertSame(first);
        assertThat(first.inputConvention()).isEqualTo(InputConvention.CAFFE);
        assertThat(requests.get()).isEqualTo(1);
        try (var files = Files.list(cache)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("vgg19_conv_caffe.npz");
        }
        long compact = Files.size(cache.resolve("vgg19_conv_caffe.npz"));
        System.out.printf("zoo zip %d bytes -> compact cache %d bytes%n", zipBytes.length, compact);

        server.stop(0);
        Vgg19Weights second = source(adler32).load();
        assertSame(second);
        assertThat(requests.get()).as("the second load must not touch the network").isEqualTo(1);
    }

    @Test
    void damagedCompactCacheIsFetchedAgain() throws IOException {
        Files.writeString(cache.resolve("vgg19_conv_caffe.npz"), "garbage");
        assertSame(source(adler32).load());
        assertThat(requests.get()).isEqualTo(1);
    }

    @Test
    void wrongChecksumLeavesNothingInTheCache() throws IOException {
        assertThatThrownBy(() -> source(adler32 + 1).load()).isInstanceOf(NstException.class)
                .hasMessageNotContaining("\n");
        try (var files = Files.list(cache)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void noNetworkSaysHowToRunOffline() {
        server.stop(0);
        assertThatThrownBy(() -> source(adler32).load()).isInstanceOf(NstException.class)
                .hasMessageContaining("vgg19_dl4j_inference.zip").hasMessageContaining("to work offline, use untrained weights (no file needed) or a weights file")
                .hasMessageContaining(cache.toString()).hasMessageNotContaining("\n");
    }

    private WeightsSource source(long checksum) {
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/models/vgg19_dl4j_inference.zip");
        PretrainedWeights.Published zoo = PretrainedWeights.ZOO.published();
        return new DownloadedWeightsSource(PretrainedWeights.ZOO, new PretrainedWeights.Published(uri,
                Checksum.adler32(checksum), zoo.downloadName(), zoo.compactName(), zoo.convention()), cache,
                Download.DEFAULT_READ_TIMEOUT, DownloadListener.NONE);
    }

    private static void assertSame(Vgg19Weights loaded) {
        for (VggLayer layer : VggLayer.values()) {
            assertThat(loaded.kernel(layer).equals(original.kernel(layer))).as("kernel of %s", layer).isTrue();
            assertThat(loaded.bias(layer).equals(original.bias(layer))).as("bias of %s", layer).isTrue();
        }
    }
}
