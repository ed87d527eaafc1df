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
import org.nd4j.linalg.factory.Nd4j;

/**
 * NumPy {@code .npz} files: a zip of {@code <name>.npy} entries, as {@code numpy.savez} (stored)
 * and {@code numpy.savez_compressed} (deflated) write them. Each entry is parsed by ND4J's own
 * {@code .npy} reader.
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
                byte[] bytes;
                try (InputStream in = zip.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                }
                String name = entry.getName().substring(0, entry.getName().length() - NPY.length());
                // dup: the parsed array may point into the temporary buffer it was read from.
                arrays.put(name, Nd4j.createNpyFromByteArray(bytes).dup());
            }
        }
        return arrays;
    }

    /**
     * Writes {@code arrays} as an uncompressed {@code .npz} (numpy.savez layout). Stored, not
     * deflated: float weights barely compress, and inflating them would dominate loading.
     */
    public static void write(Map<String, INDArray> arrays, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, INDArray> entry : arrays.entrySet()) {
                byte[] npy = Nd4j.toNpyByteArray(entry.getValue());
                CRC32 crc = new CRC32();
                crc.update(npy);
                ZipEntry zipEntry = new ZipEntry(entry.getKey() + NPY);
                zipEntry.setMethod(ZipEntry.STORED);
                zipEntry.setSize(npy.length);
                zipEntry.setCompressedSize(npy.length);
                zipEntry.setCrc(crc.getValue());
                zip.putNextEntry(zipEntry);
                zip.write(npy);
                zip.closeEntry();
            }
        }
    }
}
