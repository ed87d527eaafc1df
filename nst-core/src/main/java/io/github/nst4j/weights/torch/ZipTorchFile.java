package io.github.nst4j.weights.torch;

import static io.github.nst4j.weights.torch.PickledValues.asLong;
import static io.github.nst4j.weights.torch.PickledValues.asString;
import static io.github.nst4j.weights.torch.PickledValues.asTuple;
import static io.github.nst4j.weights.torch.PickledValues.malformed;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The format of {@code torch.save} since PyTorch 1.6: a zip whose entries share one top folder,
 * {@code <name>/data.pkl} (the pickle), {@code <name>/data/<key>} (each storage's raw bytes),
 * {@code <name>/version} and, since PyTorch 2.0, {@code <name>/byteorder}.
 */
final class ZipTorchFile implements TorchFile {
    private static final String PICKLE = "data.pkl";

    private final ZipFile zip;
    private final String prefix;
    private final ByteOrder order;
    private final Object root;

    private ZipTorchFile(ZipFile zip, String prefix, ByteOrder order, Object root) {
        this.zip = zip;
        this.prefix = prefix;
        this.order = order;
        this.root = root;
    }

    /** The pickle of a zip written by {@code torch.save} (or {@code torch.jit.save}), if it is one. */
    static Optional<ZipEntry> dataPickle(ZipFile zip) {
        return zip.stream().<ZipEntry>map(entry -> entry).filter(entry -> entry.getName().endsWith("/" + PICKLE))
                .min(Comparator.comparingInt(entry -> entry.getName().length()));
    }

    static ZipTorchFile open(Path file) throws IOException, TorchFormatException {
        ZipFile zip = new ZipFile(file.toFile());
        try {
            ZipEntry pickle = dataPickle(zip).orElseThrow(() -> new TorchFormatException(
                    "it is a zip without data.pkl, so not one that torch.save wrote"));
            String prefix = pickle.getName().substring(0, pickle.getName().length() - PICKLE.length());
            if (zip.getEntry(prefix + "constants.pkl") != null) {
                throw new TorchFormatException("it is a TorchScript model (torch.jit.save), whose weights nst4j"
                        + " does not read; save its state_dict() with torch.save instead");
            }
            ByteOrder order = byteOrder(zip, prefix);
            Object root;
            try (InputStream in = new BufferedInputStream(zip.getInputStream(pickle))) {
                root = new RestrictedUnpickler(in, ZipTorchFile::storage).load();
            }
            return new ZipTorchFile(zip, prefix, order, root);
        } catch (IOException | TorchFormatException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    /** The persistent id of a storage: ('storage', storage class, key, location, number of elements). */
    private static StorageRef storage(Object id) throws TorchFormatException {
        List<?> fields = asTuple(id, 5, "a persistent id");
        if (!"storage".equals(fields.get(0)) || !(fields.get(1) instanceof TorchDType dtype)) {
            throw malformed("a persistent id names " + PickledValues.describe(fields.get(0)) + " of "
                    + PickledValues.describe(fields.get(1)));
        }
        return StorageRef.whole(dtype, asString(fields.get(2), "a storage key"), asLong(fields.get(4), "a storage size"));
    }

    /** Native order, which PyTorch 2 records; earlier versions wrote only little-endian files. */
    private static ByteOrder byteOrder(ZipFile zip, String prefix) throws IOException, TorchFormatException {
        ZipEntry entry = zip.getEntry(prefix + "byteorder");
        if (entry == null) {
            return ByteOrder.LITTLE_ENDIAN;
        }
        String order;
        try (InputStream in = zip.getInputStream(entry)) {
            order = new String(in.readNBytes(16), StandardCharsets.US_ASCII).strip();
        }
        return switch (order) {
            case "little" -> ByteOrder.LITTLE_ENDIAN;
            case "big" -> ByteOrder.BIG_ENDIAN;
            default -> throw malformed("its byteorder is '" + order + "'");
        };
    }

    @Override
    public Object root() {
        return root;
    }

    @Override
    public ByteBuffer read(StorageRef storage, long first, long count) throws IOException, TorchFormatException {
        String name = "data/" + storage.key();
        ZipEntry entry = zip.getEntry(prefix + name);
        int size = storage.dtype().elementSize();
        if (entry == null || entry.getSize() < storage.numel() * size) {
            throw new TorchFormatException("its storage " + name + (entry == null ? " is missing" : " holds "
                    + entry.getSize() + " bytes, not " + storage.numel() * size) + "; download it or save it again");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            in.skipNBytes((storage.offset() + first) * size);
            byte[] bytes = in.readNBytes(TorchFile.byteCount(storage.dtype(), count));
            if (bytes.length < count * size) {
                throw new EOFException("storage " + name + " ends early");
            }
            return ByteBuffer.wrap(bytes).order(order);
        }
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
