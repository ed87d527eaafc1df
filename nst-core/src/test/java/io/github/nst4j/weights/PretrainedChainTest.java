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
import io.github.nst4j.weights.download.DownloadException;
import io.github.nst4j.weights.download.DownloadListener;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.Adler32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The pretrained chain and the weights cache against loopback servers: an .h5 and a .pth written by
 * the test, served with their checksums, and sources that answer 404, stall or send corrupt bytes.
 */
class PretrainedChainTest {
    /** How a source answers. */
    enum Answer {
        SERVE, NOT_FOUND, STALL, CORRUPT
    }

    /** For a stalled source only: the others keep the default, whatever pauses a loaded machine makes. */
    private static final Duration STALL_TIMEOUT = Duration.ofMillis(500);
    private static final int CHUNK_BYTES = 64 * 1024;
    private static final byte[] ZOO_BYTES = "not really a zoo zip".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    static Path served;

    private static Vgg19Weights original;
    private static final Map<PretrainedWeights, byte[]> FILES = new EnumMap<>(PretrainedWeights.class);
    private static final Map<PretrainedWeights, byte[]> CORRUPT_FILES = new EnumMap<>(PretrainedWeights.class);

    @TempDir
    Path cache;

    private final Map<PretrainedWeights, Answer> answers = new ConcurrentHashMap<>();
    private final Map<PretrainedWeights, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final List<String> fallbacks = new CopyOnWriteArrayList<>();
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private HttpServer server;
    /** Accepts connections (into its backlog) and never answers. */
    private ServerSocket silent;

    @BeforeAll
    static void writeFiles() throws IOException {
        Vgg19Weights untrained = WeightsSource.untrained(26).load();
        Map<VggLayer, INDArray> kernels = new EnumMap<>(VggLayer.class);
        Map<VggLayer, INDArray> biases = new EnumMap<>(VggLayer.class);
        Nd4j.getRandom().setSeed(26);
        Map<String, INDArray> stateDict = new LinkedHashMap<>();
        for (VggLayer layer : VggLayer.values()) {
            kernels.put(layer, untrained.kernel(layer));
            // Untrained biases are zero; random ones check that each bias reaches its own layer.
            biases.put(layer, Nd4j.rand(DataType.FLOAT, layer.channels()).subi(0.5));
            stateDict.put("features." + PthWeights.featuresIndex(layer) + ".weight", kernels.get(layer));
            stateDict.put("features." + PthWeights.featuresIndex(layer) + ".bias", biases.get(layer));
        }
        original = Vgg19Weights.of(kernels, biases, InputConvention.CAFFE);
        Path h5 = served.resolve("vgg19.h5");
        H5Writer.writeKerasVgg19(original, h5, true);
        Path pth = served.resolve("vgg19.pth");
        PthWriter.write(stateDict, pth);
        FILES.put(PretrainedWeights.ZOO, ZOO_BYTES);
        FILES.put(PretrainedWeights.KERAS, Files.readAllBytes(h5));
        FILES.put(PretrainedWeights.TORCHVISION, Files.readAllBytes(pth));
        FILES.forEach((which, bytes) -> {
            byte[] corrupt = bytes.clone();
            corrupt[corrupt.length / 2] ^= 1;
            CORRUPT_FILES.put(which, corrupt);
        });
    }

    @BeforeEach
    void startServers() throws IOException {
        // A server per test, answering on several threads: no request of one test is left for the next.
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        for (PretrainedWeights which : PretrainedWeights.values()) {
            answers.put(which, Answer.SERVE);
            requests.put(which, new AtomicInteger());
            server.createContext("/" + which.id(), exchange -> {
                requests.get(which).incrementAndGet();
                try (exchange) {
                    if (answers.get(which) == Answer.NOT_FOUND) {
                        exchange.sendResponseHeaders(404, -1);
                        return;
                    }
                    byte[] bytes = (answers.get(which) == Answer.CORRUPT ? CORRUPT_FILES : FILES).get(which);
                    exchange.sendResponseHeaders(200, bytes.length);
                    try (OutputStream body = exchange.getResponseBody()) {
                        // In chunks, as a file server sends: one huge write makes the JDK copy it all first.
                        for (int from = 0; from < bytes.length; from += CHUNK_BYTES) {
                            body.write(bytes, from, Math.min(CHUNK_BYTES, bytes.length - from));
                        }
                    }
                }
            });
        }
        server.start();
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void stopServers() throws IOException {
        server.stop(0);
        executor.shutdownNow();
        silent.close();
    }

    @Test
    void aZooAnswering404MakesTheChainMoveOnToKerasWithOneLine() {
        answers.put(PretrainedWeights.ZOO, Answer.NOT_FOUND);
        WeightsSource chain = chain();

        assertSame(chain.load(), InputConvention.CAFFE);

        assertThat(chain.description()).isEqualTo("pretrained (zoo, else keras, else torchvision)");
        assertThat(chain.loadedDescription()).isEqualTo(PretrainedWeights.KERAS.description());
        assertThat(fallbacks).containsExactly("The zoo weights are unavailable (HTTP 404 Not Found); trying keras");
        assertThat(cache.resolve("vgg19_keras_conv_caffe.npz")).exists();
        assertThat(cache.resolve("vgg19_weights_tf_dim_ordering_tf_kernels_notop.h5")).doesNotExist();
        assertThat(requests.get(PretrainedWeights.TORCHVISION)).hasValue(0);
    }

    @Test
    void aStalledSourceAndACorruptFileMakeItMoveOnToTorchvisionsWeightsInTheTorchConvention() {
        answers.put(PretrainedWeights.ZOO, Answer.STALL);
        answers.put(PretrainedWeights.KERAS, Answer.CORRUPT);
        WeightsSource chain = chain();

        assertSame(chain.load(), InputConvention.TORCH);

        assertThat(chain.loadedDescription()).startsWith("torchvision");
        assertThat(fallbacks).hasSize(2);
        assertThat(fallbacks.get(0)).startsWith("The zoo weights are unavailable (SocketTimeoutException")
                .endsWith("; trying keras");
        assertThat(fallbacks.get(1)).startsWith("The keras weights are unavailable (wrong MD5")
                .endsWith("; trying torchvision");
        assertThat(requests.get(PretrainedWeights.KERAS)).as("a corrupt file is fetched once more").hasValue(2);
        assertThat(cache.resolve("vgg19_torchvision_conv_torch.npz")).exists();
    }

    @Test
    void allFailingEndsWithOneLineNamingEverySourceAndTheOfflineChoices() {
        answers.put(PretrainedWeights.ZOO, Answer.NOT_FOUND);
        answers.put(PretrainedWeights.KERAS, Answer.STALL);
        answers.put(PretrainedWeights.TORCHVISION, Answer.CORRUPT);
        WeightsSource chain = chain();

        assertThatThrownBy(chain::load).isInstanceOf(DownloadException.class)
                .hasMessageContaining("zoo (HTTP 404").hasMessageContaining("keras (SocketTimeoutException")
                .hasMessageContaining("torchvision (wrong SHA-256 prefix")
                .hasMessageContaining("untrained weights (no file needed)")
                .hasMessageContaining("a .pth, .h5, .npz or the zoo's .zip")
                .hasMessageNotContaining("\n")
                .satisfies(e -> System.out.println("all sources failing: " + e.getMessage()));
        assertThat(fallbacks).hasSize(2);
        assertThat(chain.loadedDescription()).isEqualTo(chain.description());
        try (var files = Files.list(cache)) {
            assertThat(files).isEmpty();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aCachedCompactFileOfAnySourceIsUsedWithoutAnyRequest() throws IOException {
        Files.createDirectories(cache);
        NpzWeights.write(original, cache.resolve("vgg19_keras_conv_caffe.npz"));
        WeightsSource chain = cache().pretrained(listener());

        assertSame(chain.load(), InputConvention.CAFFE);

        assertThat(chain.loadedDescription()).startsWith("keras");
        assertThat(requests.values()).allSatisfy(count -> assertThat(count).hasValue(0));
        assertThat(fallbacks).isEmpty();
    }

    @Test
    void fetchKeepsACopyThatVerifyReadsBackAndADamagedOneIsFetchedAgain() throws IOException {
        WeightsCache weightsCache = cache();
        Path compact = weightsCache.fetch(PretrainedWeights.TORCHVISION, DownloadListener.NONE);
        assertThat(compact).isEqualTo(cache.resolve("vgg19_torchvision_conv_torch.npz"));
        weightsCache.verify(PretrainedWeights.TORCHVISION);
        assertThat(weightsCache.fetch(PretrainedWeights.TORCHVISION, DownloadListener.NONE)).isEqualTo(compact);
        assertThat(requests.get(PretrainedWeights.TORCHVISION)).as("a sound copy is not fetched again").hasValue(1);

        flipByteInTheMiddle(compact);
        assertThatThrownBy(() -> weightsCache.verify(PretrainedWeights.TORCHVISION)).isInstanceOf(NstException.class)
                .hasMessageContaining("CRC-32").hasMessageContaining(compact.toString());
        weightsCache.fetch(PretrainedWeights.TORCHVISION, DownloadListener.NONE);
        weightsCache.verify(PretrainedWeights.TORCHVISION);
        assertThat(requests.get(PretrainedWeights.TORCHVISION)).hasValue(2);
        assertThatThrownBy(() -> weightsCache.verify(PretrainedWeights.KERAS)).isInstanceOf(NstException.class)
                .hasMessageContaining("No cached keras weights");
    }

    /** The chain as {@link WeightsCache#pretrained} builds it, with a short read timeout for a stalled source. */
    private WeightsSource chain() {
        List<DownloadedWeightsSource> sources = new ArrayList<>();
        for (PretrainedWeights which : PretrainedWeights.values()) {
            Duration timeout = answers.get(which) == Answer.STALL ? STALL_TIMEOUT : Download.DEFAULT_READ_TIMEOUT;
            sources.add(new DownloadedWeightsSource(which, published(which), cache, timeout, listener()));
        }
        return new PretrainedChain(sources, listener());
    }

    private WeightsCache cache() {
        Map<PretrainedWeights, PretrainedWeights.Published> published = new EnumMap<>(PretrainedWeights.class);
        for (PretrainedWeights which : PretrainedWeights.values()) {
            published.put(which, published(which));
        }
        return new WeightsCache(cache, published);
    }

    /** As published, but on the loopback server and with the checksums of the test's files. */
    private PretrainedWeights.Published published(PretrainedWeights which) {
        PretrainedWeights.Published real = which.published();
        Checksum checksum = switch (which) {
            case ZOO -> Checksum.adler32(adler32(ZOO_BYTES));
            case KERAS -> Checksum.md5(digest("MD5", FILES.get(which)));
            case TORCHVISION -> Checksum.sha256Prefix(digest("SHA-256", FILES.get(which)).substring(0, 8));
        };
        return new PretrainedWeights.Published(uri(which), checksum, real.downloadName(), real.compactName(),
                real.convention());
    }

    private URI uri(PretrainedWeights which) {
        int port = answers.get(which) == Answer.STALL ? silent.getLocalPort() : server.getAddress().getPort();
        return URI.create("http://127.0.0.1:" + port + "/" + which.id());
    }

    private DownloadListener listener() {
        return new DownloadListener() {
            @Override
            public void onProgress(long bytesDone, long totalBytesOrMinus1, double bytesPerSecond) {
            }

            @Override
            public void onFallback(String line) {
                fallbacks.add(line);
            }
        };
    }

    private static void assertSame(Vgg19Weights loaded, InputConvention convention) {
        assertThat(loaded.inputConvention()).isEqualTo(convention);
        for (VggLayer layer : VggLayer.values()) {
            assertThat(loaded.kernel(layer).equals(original.kernel(layer))).as("kernel of %s", layer).isTrue();
            assertThat(loaded.bias(layer).equals(original.bias(layer))).as("bias of %s", layer).isTrue();
        }
    }

    private static void flipByteInTheMiddle(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long middle = channel.size() / 2;
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, middle);
            one.put(0, (byte) (one.get(0) ^ 1)).rewind();
            channel.write(one, middle);
        }
    }

    private static long adler32(byte[] bytes) {
        Adler32 adler32 = new Adler32();
        adler32.update(bytes);
        return adler32.getValue();
    }

    private static String digest(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
