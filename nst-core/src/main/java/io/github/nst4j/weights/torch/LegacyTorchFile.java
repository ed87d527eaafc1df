package io.github.nst4j.weights.torch;

import static io.github.nst4j.weights.torch.PickledValues.asLong;
import static io.github.nst4j.weights.torch.PickledValues.asString;
import static io.github.nst4j.weights.torch.PickledValues.asTuple;
import static io.github.nst4j.weights.torch.PickledValues.malformed;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The format of {@code torch.save} from PyTorch 0.1.10 (2017) until 1.6, still written with
 * {@code _use_new_zipfile_serialization=False}, and the format of torchvision's VGG19
 * ({@code vgg19-dcbb9e9d.pth}). One file holds, one after another: four pickles (a magic number, the
 * protocol version 1001, the saving system's byte order and type sizes, the saved object) and a fifth
 * listing storage keys, then for each of those storages its number of elements (8 bytes) and its
 * raw bytes.
 */
final class LegacyTorchFile implements TorchFile {
    /** The first pickle, of the magic number 0x1950a86a20f9469cfc6c, byte for byte. */
    private static final byte[] MAGIC_PICKLE = {(byte) 0x80, 0x02, (byte) 0x8a, 0x0a, 0x6c, (byte) 0xfc,
        (byte) 0x9c, 0x46, (byte) 0xf9, 0x20, 0x6a, (byte) 0xa8, 0x50, 0x19};
    private static final BigInteger MAGIC = new BigInteger("1950a86a20f9469cfc6c", 16);
    private static final long PROTOCOL = 1001;

    private final FileChannel channel;
    private final ByteOrder order;
    private final Object root;
    /** Where each storage's bytes start in the file, by key. */
    private final Map<String, Long> dataStart;

    private LegacyTorchFile(FileChannel channel, ByteOrder order, Object root, Map<String, Long> dataStart) {
        this.channel = channel;
        this.order = order;
        this.root = root;
        this.dataStart = dataStart;
    }

    /** Whether a file starting with {@code head} (of which {@code length} bytes were read) is in this format. */
    static boolean startsLikeLegacy(byte[] head, int length) {
        return length >= MAGIC_PICKLE.length
                && Arrays.equals(head, 0, MAGIC_PICKLE.length, MAGIC_PICKLE, 0, MAGIC_PICKLE.length);
    }

    static LegacyTorchFile open(Path file) throws IOException, TorchFormatException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            CountingStream in = new CountingStream(new BufferedInputStream(Channels.newInputStream(channel)));
            Map<String, StorageRef> storages = new HashMap<>();
            RestrictedUnpickler unpickler = new RestrictedUnpickler(in, id -> storage(id, storages));
            if (!MAGIC.equals(unpickler.load())) {
                throw new TorchFormatException("it does not start with PyTorch's magic number");
            }
            Object protocol = unpickler.load();
            if (!Long.valueOf(PROTOCOL).equals(protocol)) {
                throw new TorchFormatException("it uses PyTorch's serialization protocol " + protocol
                        + ", not " + PROTOCOL + "; save it again with a recent PyTorch: torch.save(torch.load(f), g)");
            }
            ByteOrder order = Boolean.FALSE.equals(asMap(unpickler.load()).get("little_endian"))
                    ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
            Object root = unpickler.load();
            Object keys = unpickler.load();
            if (!(keys instanceof List<?> keyList)) {
                throw malformed("its storage keys are " + PickledValues.describe(keys));
            }
            return new LegacyTorchFile(channel, order, root, locate(channel, order, in.count, keyList, storages));
        } catch (IOException | TorchFormatException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * The persistent id of a storage: ('storage', storage class, key, location, number of elements,
     * view), where a view (key, offset, size) is part of the storage.
     */
    private static StorageRef storage(Object id, Map<String, StorageRef> storages) throws TorchFormatException {
        List<?> fields = asTuple(id, 6, "a persistent id");
        if (!"storage".equals(fields.get(0)) || !(fields.get(1) instanceof TorchDType dtype)) {
            throw malformed("a persistent id names " + PickledValues.describe(fields.get(0)) + " of "
                    + PickledValues.describe(fields.get(1)));
        }
        String key = asString(fields.get(2), "a storage key");
        StorageRef whole = storages.get(key);
        if (whole == null) {
            whole = StorageRef.whole(dtype, key, asLong(fields.get(4), "a storage size"));
            storages.put(key, whole);
        }
        if (fields.get(5) == null) {
            return whole;
        }
        List<?> view = asTuple(fields.get(5), 3, "a storage view");
        long offset = asLong(view.get(1), "a storage view's offset");
        long size = asLong(view.get(2), "a storage view's size");
        if (offset < 0 || size < 0 || offset + size > whole.numel()) {
            throw malformed("a view of " + size + " elements at " + offset + " of a storage of " + whole.numel());
        }
        return new StorageRef(whole.dtype(), key, offset, size);
    }

    /** Finds each storage's bytes: they follow the pickles in the order of {@code keys}. */
    private static Map<String, Long> locate(FileChannel channel, ByteOrder order, long start, List<?> keys,
            Map<String, StorageRef> storages) throws IOException, TorchFormatException {
        Map<String, Long> dataStart = new HashMap<>();
        long position = start;
        for (Object item : keys) {
            String key = asString(item, "a storage key");
            StorageRef storage = storages.get(key);
            if (storage == null) {
                throw malformed("it lists storage " + key + ", which no tensor uses");
            }
            long numel = readFully(channel, ByteBuffer.allocate(Long.BYTES), position).order(order).getLong();
            if (numel != storage.numel()) {
                throw malformed("storage " + key + " holds " + numel + " elements, not " + storage.numel());
            }
            dataStart.put(key, position + Long.BYTES);
            position += Long.BYTES + numel * storage.dtype().elementSize();
            if (position > channel.size()) {
                throw new TorchFormatException("it ends " + (position - channel.size()) + " bytes early: the file"
                        + " is truncated; download it or save it again");
            }
        }
        return dataStart;
    }

    private static Map<?, ?> asMap(Object value) throws TorchFormatException {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw malformed("its system information is " + PickledValues.describe(value));
    }

    private static ByteBuffer readFully(FileChannel channel, ByteBuffer buffer, long position)
            throws IOException, TorchFormatException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new TorchFormatException("it ends early: the file is truncated; download it or save it again");
            }
        }
        return buffer.flip();
    }

    @Override
    public Object root() {
        return root;
    }

    @Override
    public ByteBuffer read(StorageRef storage, long first, long count) throws IOException, TorchFormatException {
        Long start = dataStart.get(storage.key());
        if (start == null) {
            throw malformed("it does not list storage " + storage.key() + ", which a tensor uses");
        }
        int size = storage.dtype().elementSize();
        ByteBuffer buffer = ByteBuffer.allocate(TorchFile.byteCount(storage.dtype(), count));
        return readFully(channel, buffer, start + (storage.offset() + first) * size).order(order);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** Counts the bytes the pickles take, to know where the storages start. */
    private static final class CountingStream extends FilterInputStream {
        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int value = super.read();
            count += value < 0 ? 0 : 1;
            return value;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int read = super.read(buffer, offset, length);
            count += Math.max(read, 0);
            return read;
        }
    }
}
