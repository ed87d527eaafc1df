package io.github.nst4j.weights.torch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.nst4j.error.NstException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.StreamSupport;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Files written by real PyTorch ({@code src/test/resources/pth}, see {@code make_fixture.py}) read
 * back to the values PyTorch itself read, and hostile, foreign or damaged files are refused in one
 * sentence naming the file.
 */
class TorchCheckpointTest {
    private static final Map<String, DataType> ND4J_TYPES = Map.of("float32", DataType.FLOAT,
            "float16", DataType.FLOAT, "bfloat16", DataType.FLOAT, "float64", DataType.DOUBLE,
            "int64", DataType.INT64, "int32", DataType.INT32, "int16", DataType.INT32, "int8", DataType.INT32,
            "uint8", DataType.INT32, "bool", DataType.BOOL);

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"state_dict.pth", "state_dict_legacy.pth", "state_dict_2017.pth"})
    void everyTensorReadsAsPyTorchReadsIt(String file) throws IOException, URISyntaxException {
        JsonNode expected;
        try (InputStream in = Files.newInputStream(resource("expected.json"))) {
            expected = new ObjectMapper().readTree(in);
        }
        List<String> names = new ArrayList<>();
        expected.fieldNames().forEachRemaining(names::add);

        try (TorchCheckpoint checkpoint = TorchCheckpoint.open(resource(file))) {
            assertThat(checkpoint.names()).containsExactlyElementsOf(names);
            for (String name : names) {
                assertSameTensor(name, checkpoint.read(name), expected.get(name));
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"evil_os_system.pth, posix.system", "evil_eval.pth, builtins.eval"})
    void picklesThatCallCodeAreRefusedBeforeAnythingRuns(String file, String global)
            throws IOException, URISyntaxException {
        // The pickles would run "touch" on this file; the reader refuses at their GLOBAL, before REDUCE.
        Path marker = Path.of("/tmp/nst4j-pwned-by-pickle");
        Files.deleteIfExists(marker);

        assertThatThrownBy(() -> TorchCheckpoint.open(resource(file))).isInstanceOf(NstException.class)
                .hasMessageContaining(file)
                .hasMessageContaining("refers to " + global + ", which a PyTorch state dict never contains")
                .hasMessageContaining("never runs pickled code").hasMessageNotContaining("\n");
        assertThat(marker).doesNotExist();
    }

    @Test
    void aWholeModuleIsRefusedWithTheWayToSaveItsStateDict() throws URISyntaxException {
        assertThatThrownBy(() -> TorchCheckpoint.open(resource("whole_module.pth"))).isInstanceOf(NstException.class)
                .hasMessageContaining("uses torch.nn.modules.linear.Linear")
                .hasMessageContaining("torch.save(model.state_dict(), f)").hasMessageNotContaining("\n");
    }

    @Test
    void python2StringsReadAsText() throws IOException, TorchFormatException {
        // Checkpoints saved from Python 2 hold str as SHORT_BINSTRING and BINSTRING.
        byte[] shortString = {(byte) 0x80, 2, 'U', 2, 'o', 'k', '.'};
        byte[] longString = {(byte) 0x80, 2, 'T', 2, 0, 0, 0, 'o', 'k', '.'};
        assertThat(unpickle(shortString, id -> id)).isEqualTo("ok");
        assertThat(unpickle(longString, id -> id)).isEqualTo("ok");
    }

    @Test
    void opcodesThatStateDictsNeverUseAreRefused() {
        // INST, which imports and calls a class named in the pickle (protocol 0).
        byte[] inst = {(byte) 0x80, 2, 'i', 'o', 's', '\n', 's', 'y', 's', 't', 'e', 'm', '\n', '.'};
        assertThatThrownBy(() -> unpickle(inst, id -> id)).isInstanceOf(TorchFormatException.class)
                .hasMessageContaining("opcode 0x69 ('i')");
    }

    @Test
    void aTensorReachingPastItsStorageIsRefused() {
        StorageRef twoFloats = new StorageRef(TorchDType.FLOAT32, "0", 0, 2);
        PickleBytes pickle = new PickleBytes().op(0x80).op(2).global("torch._utils", "_rebuild_tensor_v2").op('(')
                .string("storage-id").op('Q').op('K').op(0).op('K').op(3).op(0x85).op('K').op(1).op(0x85)
                .op(0x89).op('}').op('t').op('R').op('.');
        assertThatThrownBy(() -> unpickle(pickle.bytes(), id -> twoFloats)).isInstanceOf(TorchFormatException.class)
                .hasMessageContaining("reaches element 3 of a storage of 2");
    }

    @Test
    void aDictContainingItselfIsRefused() throws IOException {
        // d = {}; d["d"] = d, which Python pickles through the memo.
        byte[] pickle = new PickleBytes().op(0x80).op(2).op('}').op('q').op(0).string("d").op('h').op(0).op('s')
                .op('.').bytes();
        Path file = dir.resolve("cycle.pth");
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("cycle/data.pkl"));
            zip.write(pickle);
            zip.closeEntry();
        }
        assertThatThrownBy(() -> TorchCheckpoint.open(file)).isInstanceOf(NstException.class)
                .hasMessageContaining("nest deeper than 16 levels");
    }

    @Test
    void damagedFilesGiveOneSentenceNamingTheFile() throws IOException, URISyntaxException {
        byte[] zip = Files.readAllBytes(resource("state_dict.pth"));
        byte[] legacy = Files.readAllBytes(resource("state_dict_legacy.pth"));
        Path halfZip = Files.write(dir.resolve("half.pth"), Arrays.copyOf(zip, zip.length / 2));
        Path legacyWithoutEnd = Files.write(dir.resolve("no_end.pth"), Arrays.copyOf(legacy, legacy.length - 10));
        Path legacyMidPickle = Files.write(dir.resolve("mid_pickle.pth"), Arrays.copyOf(legacy, 300));
        Path cutPickle = rewrite(resource("state_dict.pth"), dir.resolve("cut_pickle.pth"),
                entry -> entry.endsWith("data.pkl") ? bytes -> Arrays.copyOf(bytes, 100) : UnaryOperator.identity());

        for (Path file : List.of(halfZip, legacyWithoutEnd, legacyMidPickle, cutPickle)) {
            assertThatThrownBy(() -> TorchCheckpoint.open(file)).as(file.toString()).isInstanceOf(NstException.class)
                    .hasMessageStartingWith("Cannot read the PyTorch weights file " + file + ": ")
                    .hasMessageContaining("truncated").hasMessageNotContaining("\n");
        }
    }

    @Test
    void aShortStorageIsNamedWhenItsTensorIsRead() throws IOException, URISyntaxException {
        Path shortStorage = rewrite(resource("state_dict.pth"), dir.resolve("short.pth"),
                entry -> entry.endsWith("data/0") ? bytes -> Arrays.copyOf(bytes, 8) : UnaryOperator.identity());
        try (TorchCheckpoint checkpoint = TorchCheckpoint.open(shortStorage)) {
            assertThatThrownBy(() -> checkpoint.read("f32_4d")).isInstanceOf(NstException.class)
                    .hasMessageContaining(shortStorage.toString())
                    .hasMessageContaining("storage data/0 holds 8 bytes, not 96");
        }
    }

    private static void assertSameTensor(String name, INDArray actual, JsonNode expected) {
        long[] shape = StreamSupport.stream(expected.get("shape").spliterator(), false).mapToLong(JsonNode::asLong)
                .toArray();
        String dtype = expected.get("dtype").asText();
        assertThat(actual.shape()).as("shape of %s", name).containsExactly(shape);
        assertThat(actual.dataType()).as("type of %s", name).isEqualTo(ND4J_TYPES.get(dtype));
        JsonNode values = expected.get("values");
        if (actual.isEmpty()) {
            assertThat(values).as("values of %s", name).isEmpty();
        } else if (dtype.startsWith("float") || dtype.equals("bfloat16")) {
            double[] wanted = StreamSupport.stream(values.spliterator(), false).mapToDouble(JsonNode::asDouble).toArray();
            // Exact, down to the sign of zero: every type converts to float32 or float64 without rounding.
            assertThat(actual.castTo(DataType.DOUBLE).data().asDouble()).as("values of %s", name).containsExactly(wanted);
        } else {
            long[] wanted = StreamSupport.stream(values.spliterator(), false)
                    .mapToLong(value -> value.isBoolean() ? (value.asBoolean() ? 1 : 0) : value.asLong()).toArray();
            assertThat(actual.castTo(DataType.INT64).data().asLong()).as("values of %s", name).containsExactly(wanted);
        }
    }

    private static Object unpickle(byte[] pickle, RestrictedUnpickler.PersistentLoader loader)
            throws IOException, TorchFormatException {
        return new RestrictedUnpickler(new ByteArrayInputStream(pickle), loader).load();
    }

    /** A copy of a zip with some entries' bytes changed by {@code change(entry name)}. */
    private static Path rewrite(Path source, Path target, Function<String, UnaryOperator<byte[]>> change)
            throws IOException {
        try (ZipFile zip = new ZipFile(source.toFile()); OutputStream out = Files.newOutputStream(target);
                ZipOutputStream copy = new ZipOutputStream(out)) {
            for (ZipEntry entry : zip.stream().toList()) {
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                }
                copy.putNextEntry(new ZipEntry(entry.getName()));
                copy.write(change.apply(entry.getName()).apply(bytes));
                copy.closeEntry();
            }
        }
        return target;
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(TorchCheckpointTest.class.getResource("/pth/" + name).toURI());
    }

    /** Hand-written pickle opcodes. */
    private static final class PickleBytes {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        PickleBytes op(int code) {
            out.write(code);
            return this;
        }

        PickleBytes global(String module, String name) {
            out.write('c');
            out.writeBytes((module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
            return this;
        }

        /** SHORT_BINUNICODE. */
        PickleBytes string(String value) {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            out.write(0x8c);
            out.write(utf8.length);
            out.writeBytes(utf8);
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
