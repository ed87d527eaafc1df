package io.github.nst4j.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * NumPy {@code .npz} files: a zip of {@code <name>.npy} entries, as {@code numpy.savez} (stored)
 * and {@code numpy.savez_compressed} (deflated) write them. Entries are streamed (see
 * {@link NpyStream}), so that an image of hundreds of megabytes never sits whole on the Java heap.
 */
public final class NpzArchive {
    private static final String NPY = ".npy";

    private NpzArchive() {
    }

    /** True when {@code zip} holds at least one {@code .npy} entry. */
    public static boolean looksLikeNpz(ZipFile zip) {
        return zip.stream().anyMatch(entry -> entry.getName().endsWith(NPY));
    }

    /** All arrays of the file, by name (the entry name without {@code .npy}), in file order. */
    public static Map<String, INDArray> read(Path file) throws IOException {
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (!entry.getName().endsWith(NPY)) {
                    continue;
                }
                String name = entry.getName().substring(0, entry.getName().length() - NPY.length());
                try (InputStream in = zip.getInputStream(entry)) {
                    arrays.put(name, NpyStream.read(in));
                }
            }
        }
        return arrays;
    }

    /**
     * Reads every entry of the file and compares it with the CRC-32 the zip recorded for it, which
     * {@link #read} does not: it finds a flipped bit anywhere in the file's data.
     *
     * @throws IOException naming the first entry whose bytes are wrong, or when the file is no zip
     */
    public static void checkCrcs(Path file) throws IOException {
        byte[] buffer = new byte[1 << 16];
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                CRC32 crc = new CRC32();
                try (InputStream in = zip.getInputStream(entry)) {
                    for (int read; (read = in.read(buffer)) >= 0; ) {
                        crc.update(buffer, 0, read);
                    }
                }
                if (crc.getValue() != entry.getCrc()) {
                    throw new IOException("the bytes of " + entry.getName() + " do not match their CRC-32");
                }
            }
        }
    }

    /**
     * Writes {@code arrays} as an uncompressed {@code .npz} (numpy.savez layout). Stored, not
     * deflated: float weights barely compress, and inflating them would dominate loading.
     */
    public static void write(Map<String, INDArray> arrays, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, INDArray> entry : arrays.entrySet()) {
                NpyStream npy = NpyStream.of(entry.getValue());
                ZipEntry zipEntry = new ZipEntry(entry.getKey() + NPY);
                zipEntry.setMethod(ZipEntry.STORED);
                zipEntry.setSize(npy.size());
                zipEntry.setCompressedSize(npy.size());
                zipEntry.setCrc(npy.crc());
                zip.putNextEntry(zipEntry);
                npy.writeTo(zip);
                zip.closeEntry();
            }
        }
    }
}
