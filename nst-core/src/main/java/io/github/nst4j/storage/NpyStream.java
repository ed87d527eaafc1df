package io.github.nst4j.storage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.bytedeco.javacpp.BytePointer;
import org.nd4j.linalg.api.concurrency.AffinityManager;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One array in NumPy's {@code .npy} format (version 1.0 written; 1.0 to 3.0 read), streamed between
 * the array's native memory and the file a megabyte at a time, with long offsets (an array may pass
 * 2 GB). ND4J's own reader and writer go
 * through a Java byte array of the whole file: an 8192x6144 image is 600 MB of heap, twice.
 */
final class NpyStream {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int CHUNK = 1 << 20;
    /** The header's length, magic included, is padded to a multiple of this. */
    private static final int ALIGNMENT = 64;
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");
    private static final String ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? "<" : ">";
    private static final Map<String, DataType> TYPES = Map.of(ENDIAN + "f4", DataType.FLOAT,
            ENDIAN + "f8", DataType.DOUBLE, ENDIAN + "i8", DataType.LONG, ENDIAN + "i4", DataType.INT,
            "|u1", DataType.UBYTE, "|i1", DataType.BYTE, "|b1", DataType.BOOL);

    private final INDArray array;
    private final byte[] header;

    private NpyStream(INDArray array) {
        String descr = TYPES.entrySet().stream().filter(entry -> entry.getValue() == array.dataType())
                .map(Map.Entry::getKey).findFirst().orElseThrow(() -> new IllegalArgumentException(
                        "no .npy type for " + array.dataType()));
        // A view or another layout is copied once; whole row-major arrays are written as they are.
        this.array = array.isView() || array.ordering() != 'c' || !Shape.hasDefaultStridesForShape(array)
                ? array.dup('c') : array;
        Nd4j.getAffinityManager().ensureLocation(this.array, AffinityManager.Location.HOST);
        String shape = Arrays.stream(array.shape()).mapToObj(Long::toString)
                .reduce((a, b) -> a + ", " + b).map(joined -> array.rank() == 1 ? joined + "," : joined).orElse("");
        StringBuilder dict = new StringBuilder(String.format(Locale.ROOT,
                "{'descr': '%s', 'fortran_order': False, 'shape': (%s), }", descr, shape));
        while ((MAGIC.length + 4 + dict.length() + 1) % ALIGNMENT != 0) {
            dict.append(' ');
        }
        dict.append('\n');
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(MAGIC);
        bytes.write(1);
        bytes.write(0);
        bytes.write(dict.length() & 0xFF);
        bytes.write(dict.length() >>> 8);
        bytes.writeBytes(dict.toString().getBytes(StandardCharsets.ISO_8859_1));
        this.header = bytes.toByteArray();
    }

    /** {@code array} ready to be written (a view is copied to row-major order first). */
    static NpyStream of(INDArray array) {
        return new NpyStream(array);
    }

    /** Bytes of the whole {@code .npy}: header and data. */
    long size() {
        return header.length + dataBytes();
    }

    /** The CRC-32 of the whole {@code .npy}, which a stored zip entry declares before its data. */
    long crc() throws IOException {
        CRC32 crc = new CRC32();
        crc.update(header);
        forEachChunk(crc::update);
        return crc.getValue();
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(header);
        forEachChunk(out::write);
    }

    /** Something that takes {@code length} bytes of {@code chunk} from offset 0. */
    private interface ChunkSink {
        void accept(byte[] chunk, int offset, int length) throws IOException;
    }

    /** Hands the array's bytes, in native order, to {@code sink} a chunk at a time. */
    private void forEachChunk(ChunkSink sink) throws IOException {
        BytePointer bytes = new BytePointer(array.data().addressPointer());
        long start = array.offset() * array.dataType().width();
        long end = start + dataBytes();
        byte[] chunk = new byte[(int) Math.min(CHUNK, Math.max(1, end - start))];
        for (long at = start; at < end; at += chunk.length) {
            int length = (int) Math.min(chunk.length, end - at);
            bytes.position(at).get(chunk, 0, length);
            sink.accept(chunk, 0, length);
        }
    }

    /**
     * Reads one {@code .npy} from {@code in} straight into a new array; a type it does not know (or
     * an empty array) goes through ND4J's reader.
     */
    static INDArray read(InputStream in) throws IOException {
        byte[] start = in.readNBytes(MAGIC.length + 4);
        if (start.length < MAGIC.length + 4 || !Arrays.equals(Arrays.copyOf(start, MAGIC.length), MAGIC)) {
            throw new IOException("not a .npy array (no NUMPY magic)");
        }
        int major = start[MAGIC.length];
        int headerLength = (start[MAGIC.length + 2] & 0xFF) | (start[MAGIC.length + 3] & 0xFF) << 8;
        byte[] more = new byte[0];
        if (major >= 2) {
            more = in.readNBytes(2);
            headerLength |= (more[0] & 0xFF) << 16 | (more[1] & 0xFF) << 24;
        }
        byte[] dictBytes = in.readNBytes(headerLength);
        String dict = new String(dictBytes, StandardCharsets.ISO_8859_1);
        DataType type = TYPES.get(group(DESCR, dict));
        long[] shape = Arrays.stream(group(SHAPE, dict).split(",")).map(String::trim).filter(side -> !side.isEmpty())
                .mapToLong(Long::parseLong).toArray();
        boolean fortran = "True".equals(group(FORTRAN, dict));
        if (type == null || Arrays.stream(shape).anyMatch(side -> side == 0)) {
            ByteArrayOutputStream whole = new ByteArrayOutputStream();
            whole.writeBytes(start);
            whole.writeBytes(more);
            whole.writeBytes(dictBytes);
            in.transferTo(whole);
            // dup: the parsed array may point into the temporary buffer it was read from.
            return Nd4j.createNpyFromByteArray(whole.toByteArray()).dup();
        }
        INDArray array = Nd4j.createUninitialized(type, shape, fortran ? 'f' : 'c');
        BytePointer target = new BytePointer(array.data().addressPointer());
        long total = array.length() * type.width();
        byte[] chunk = new byte[(int) Math.min(CHUNK, total)];
        for (long at = 0; at < total;) {
            int read = in.read(chunk, 0, (int) Math.min(chunk.length, total - at));
            if (read < 0) {
                throw new IOException("a .npy array ends early: " + (total - at) + " bytes missing");
            }
            target.position(at).put(chunk, 0, read);
            at += read;
        }
        // Written on the host: a GPU backend copies it to the device when first used.
        Nd4j.getAffinityManager().tagLocation(array, AffinityManager.Location.HOST);
        return fortran ? array.dup('c') : array;
    }

    private long dataBytes() {
        return array.length() * array.dataType().width();
    }

    private static String group(Pattern pattern, String dict) throws IOException {
        Matcher matcher = pattern.matcher(dict);
        if (!matcher.find()) {
            throw new IOException("a .npy header without " + pattern.pattern().split("'")[1] + ": " + dict.trim());
        }
        return matcher.group(1);
    }
}
