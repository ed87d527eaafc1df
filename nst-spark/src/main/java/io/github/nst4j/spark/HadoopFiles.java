package io.github.nst4j.spark;

import io.github.nst4j.error.NstException;
import io.github.nst4j.image.ImageWriter;
import io.github.nst4j.image.Images;
import io.github.nst4j.storage.AtomicFiles;
import java.awt.image.BufferedImage;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;

/** Images and files on any Hadoop {@code FileSystem} ({@code file:}, {@code hdfs:}, {@code s3a:} ...). */
final class HadoopFiles {
    private final Configuration configuration;

    HadoopFiles(Configuration configuration) {
        this.configuration = configuration;
    }

    /**
     * The file system of {@code path}. For local files, without the checksum layer: it would leave a
     * hidden {@code .crc} file beside every output.
     */
    FileSystem fileSystem(Path path) throws IOException {
        FileSystem fs = path.getFileSystem(configuration);
        return fs instanceof LocalFileSystem local ? local.getRawFileSystem() : fs;
    }

    boolean exists(String uri) throws IOException {
        Path path = new Path(uri);
        return fileSystem(path).exists(path);
    }

    /**
     * Reads an image as {@link Images#decode(java.nio.file.Path)} does, alpha and all.
     *
     * @throws NstException if it is missing, unreadable or not an image
     */
    BufferedImage readImage(String uri) {
        Path path = new Path(uri);
        try (InputStream in = fileSystem(path).open(path)) {
            return Images.decode(in, uri);
        } catch (FileNotFoundException e) {
            throw new NstException("Image file not found: " + uri + " (check the path)", e);
        } catch (IOException e) {
            throw new NstException("Cannot read image " + uri + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes {@code image} to {@code uri}, never leaving a partial file under that name: encoded
     * locally, copied under a temporary name beside the target, and renamed into place (replacing
     * what was there); the temporary file is gone afterwards whatever happens. {@code beforeRename}
     * runs when the copy is complete and may decline to put it in place.
     *
     * @return false if {@code beforeRename} declined (another attempt of the same item wrote it)
     * @throws NstException if the image cannot be written
     */
    boolean writeImage(BufferedImage image, String uri, String attemptId, BooleanSupplier beforeRename) {
        Path target = new Path(uri);
        Path temp = temporary(target, attemptId);
        java.nio.file.Path local = null;
        FileSystem fs = null;
        try {
            fs = fileSystem(target);
            fs.mkdirs(target.getParent());
            local = Files.createTempDirectory("nst-spark").resolve(target.getName());
            ImageWriter.write(image, local);
            fs.copyFromLocalFile(false, true, new Path(local.toUri()), temp);
            if (!beforeRename.getAsBoolean()) {
                return false;
            }
            moveIntoPlace(fs, temp, target);
            return true;
        } catch (IOException e) {
            throw new NstException("Cannot write " + uri + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(fs, temp);
            if (local != null) {
                AtomicFiles.deleteQuietly(local);
                AtomicFiles.deleteQuietly(local.getParent());
            }
        }
    }

    /** The text of a small file, or null if there is none. */
    String readText(String uri) throws IOException {
        Path path = new Path(uri);
        try (InputStream in = fileSystem(path).open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (FileNotFoundException e) {
            return null;
        }
    }

    /** Writes a small text file as {@link #writeImage} writes an image: complete or not at all. */
    void writeText(String uri, String text) throws IOException {
        Path target = new Path(uri);
        Path temp = temporary(target, UUID.randomUUID().toString());
        FileSystem fs = fileSystem(target);
        try {
            try (OutputStream out = fs.create(temp, true)) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
            moveIntoPlace(fs, temp, target);
        } finally {
            deleteQuietly(fs, temp);
        }
    }

    /** Deletes a file if it exists. */
    void delete(String uri) throws IOException {
        Path path = new Path(uri);
        fileSystem(path).delete(path, false);
    }

    /** A hidden name beside {@code target}, which is never taken for an output. */
    private static Path temporary(Path target, String attemptId) {
        return new Path(target.getParent(), "." + target.getName() + "." + attemptId + ".tmp");
    }

    /** Renames {@code temp} to {@code target}, replacing it: Hadoop's rename does not overwrite. */
    private static void moveIntoPlace(FileSystem fs, Path temp, Path target) throws IOException {
        fs.delete(target, false);
        if (!fs.rename(temp, target)) {
            throw new NstException("Cannot rename " + temp + " to " + target + " (check the output directory)");
        }
    }

    private static void deleteQuietly(FileSystem fs, Path path) {
        try {
            if (fs != null) {
                fs.delete(path, false);
            }
        } catch (IOException e) {
            // Best effort: a leftover temporary file has a hidden name and is never taken for an output.
        }
    }
}
