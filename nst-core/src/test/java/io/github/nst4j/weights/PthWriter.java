package io.github.nst4j.weights;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Writes float32 tensors as {@code torch.save(state_dict, file)} does in PyTorch 2: a stored zip of
 * {@code archive/data.pkl} (a protocol 2 pickle of an OrderedDict of
 * {@code _rebuild_tensor_v2(storage, 0, size, stride, False, OrderedDict())}), one
 * {@code archive/data/<key>} per storage, {@code archive/byteorder} and {@code archive/version}.
 * For tests only: it writes each tensor contiguous, in its own storage and without the pickle memo.
 */
final class PthWriter {
    private final ByteArrayOutputStream pickle = new ByteArrayOutputStream();

    private PthWriter() {
    }

    static void write(Map<String, INDArray> tensors, Path file) throws IOException {
        PthWriter writer = new PthWriter();
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            writer.op(0x80).op(2).orderedDict().op('(');
            int key = 0;
            for (Map.Entry<String, INDArray> entry : tensors.entrySet()) {
                INDArray tensor = entry.getValue().castTo(DataType.FLOAT).dup('c');
                writer.tensor(entry.getKey(), tensor, Integer.toString(key));
                ByteBuffer data = ByteBuffer.allocate(4 * (int) tensor.length()).order(ByteOrder.LITTLE_ENDIAN);
                data.asFloatBuffer().put(tensor.data().asFloat());
                put(zip, "archive/data/" + key++, data.array());
            }
            writer.op('u').op('.');
            put(zip, "archive/data.pkl", writer.pickle.toByteArray());
            put(zip, "archive/byteorder", "little".getBytes(StandardCharsets.US_ASCII));
            put(zip, "archive/version", "3\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** name, _rebuild_tensor_v2((persistent id), 0, size, stride, False, OrderedDict()). */
    private void tensor(String name, INDArray tensor, String key) {
        string(name).global("torch._utils", "_rebuild_tensor_v2").op('(');
        op('(').string("storage").global("torch", "FloatStorage").string(key).string("cpu").integer(tensor.length())
                .op('t').op('Q');
        integer(0).op('(');
        for (long size : tensor.shape()) {
            integer(size);
        }
        op('t').op('(');
        for (long stride : tensor.stride()) {
            integer(stride);
        }
        op('t').op(0x89).orderedDict().op('t').op('R');
    }

    /** OrderedDict(): the call, as protocol 2 pickles it. */
    private PthWriter orderedDict() {
        return global("collections", "OrderedDict").op(')').op('R');
    }

    private PthWriter op(int code) {
        pickle.write(code);
        return this;
    }

    private PthWriter global(String module, String name) {
        op('c');
        pickle.writeBytes((module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    /** BINUNICODE. */
    private PthWriter string(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        op('X');
        pickle.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(utf8.length).array());
        pickle.writeBytes(utf8);
        return this;
    }

    /** BININT: every size here fits in 32 bits. */
    private PthWriter integer(long value) {
        op('J');
        pickle.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(Math.toIntExact(value)).array());
        return this;
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(bytes.length);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }
}
