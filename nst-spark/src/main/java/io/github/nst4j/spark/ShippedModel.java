package io.github.nst4j.spark;

import io.github.nst4j.error.NstException;
import io.github.nst4j.fast.FastStyleModel;
import io.github.nst4j.storage.AtomicFiles;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.hadoop.fs.Path;

/**
 * The {@code --model} file as the driver read and checked it, broadcast to the executors: they load
 * exactly what was checked, and need no access of their own to the file. A fast style model is a few
 * MB.
 */
final class ShippedModel implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String uri;
    private final byte[] bytes;
    private final String sha256;

    private ShippedModel(String uri, byte[] bytes) {
        this.uri = uri;
        this.bytes = bytes;
        this.sha256 = sha256(bytes);
    }

    /**
     * Reads the model file and loads it once, so that a missing or damaged model stops the job before
     * any item runs.
     *
     * @throws InputRefusedException in one line naming the file
     */
    static ShippedModel read(HadoopFiles files, String uri) {
        Path path = new Path(uri);
        byte[] bytes;
        try (InputStream in = files.fileSystem(path).open(path)) {
            bytes = in.readAllBytes();
        } catch (FileNotFoundException e) {
            throw new InputRefusedException("The --model file " + uri + " does not exist (check the path; give the"
                    + " file nst train wrote)", e);
        } catch (IOException e) {
            throw new InputRefusedException("Cannot read the --model file " + uri + ": " + e.getMessage(), e);
        }
        ShippedModel model = new ShippedModel(uri, bytes);
        try {
            model.load();
        } catch (NstException e) {
            throw new InputRefusedException("--model: " + e.getMessage(), e);
        }
        return model;
    }

    /** The model's URI as given. */
    String uri() {
        return uri;
    }

    /** The SHA-256 of the file, in hexadecimal: which model made an output. */
    String sha256() {
        return sha256;
    }

    /**
     * Loads the model from a local copy of the bytes, gone afterwards.
     *
     * @throws NstException in one sentence naming the model's URI if it is not a model or damaged
     */
    FastStyleModel load() {
        java.nio.file.Path local = null;
        try {
            local = Files.createTempDirectory("nst-model").resolve(new Path(uri).getName());
            Files.write(local, bytes);
            return FastStyleModel.load(local);
        } catch (IOException e) {
            throw new NstException("Cannot copy the --model file " + uri + " to a local file: " + e.getMessage(), e);
        } catch (NstException e) {
            // The library names the file it read, here a temporary copy: name the model as given.
            throw new NstException(e.getMessage().replace(local.toString(), uri), e);
        } finally {
            if (local != null) {
                AtomicFiles.deleteQuietly(local);
                AtomicFiles.deleteQuietly(local.getParent());
            }
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
