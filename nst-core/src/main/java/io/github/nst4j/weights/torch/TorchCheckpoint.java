package io.github.nst4j.weights.torch;

import io.github.nst4j.error.NstException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipFile;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A PyTorch checkpoint ({@code .pth}, {@code .pt}) written by {@code torch.save}, read without Python:
 * a state dict (a dict of tensors, possibly nested, e.g. {@code {"model": state_dict}}) in the zip
 * format of PyTorch 1.6 and later or the legacy format before it.
 *
 * <p>Only tensors, dicts, lists, strings and numbers are read. A pickle that names anything else (a
 * module class, {@code os.system}) is refused before anything it names could run: nst4j has no way
 * to run pickled code. Tensors are read from the file when asked for, so unused ones cost nothing.
 */
public final class TorchCheckpoint implements AutoCloseable {
    private static final int HEAD = 16;
    // State dicts nest a level or two ({"model": {...}}); a pickle can nest a dict in itself.
    private static final int MAX_DEPTH = 16;

    private final Path file;
    private final TorchFile source;
    private final Map<String, TensorRef> tensors;

    private TorchCheckpoint(Path file, TorchFile source, Map<String, TensorRef> tensors) {
        this.file = file;
        this.source = source;
        this.tensors = tensors;
    }

    /** Whether {@code zip} was written by {@code torch.save}: it has an entry {@code <name>/data.pkl}. */
    public static boolean isTorchZip(ZipFile zip) {
        return ZipTorchFile.dataPickle(zip).isPresent();
    }

    /**
     * Whether a file whose first bytes are {@code head} ({@code length} of them read, at least 16 to
     * tell) is in PyTorch's legacy format.
     */
    public static boolean isLegacyTorchFile(byte[] head, int length) {
        return LegacyTorchFile.startsLikeLegacy(head, length);
    }

    /**
     * Opens {@code file} and reads its pickle (not yet its tensors).
     *
     * @throws NstException in one sentence naming the file if it cannot be read or is refused
     */
    public static TorchCheckpoint open(Path file) {
        TorchFile source = null;
        try {
            byte[] head = new byte[HEAD];
            int read;
            try (InputStream in = Files.newInputStream(file)) {
                read = in.readNBytes(head, 0, head.length);
            }
            if (isLegacyTorchFile(head, read)) {
                source = LegacyTorchFile.open(file);
            } else if (read >= 2 && head[0] == 'P' && head[1] == 'K') {
                source = ZipTorchFile.open(file);
            } else {
                throw new TorchFormatException("it is neither a zip written by torch.save nor a legacy PyTorch file");
            }
            Map<String, TensorRef> tensors = new LinkedHashMap<>();
            if (!(source.root() instanceof Map<?, ?> dict)) {
                throw new TorchFormatException("it holds " + PickledValues.describe(source.root())
                        + ", not a state dict (a dict of tensors)");
            }
            collect("", dict, tensors, 0);
            return new TorchCheckpoint(file, source, Collections.unmodifiableMap(tensors));
        } catch (TorchFormatException | IOException e) {
            closeQuietly(source, e);
            throw failure(file, e);
        }
    }

    /** Adds the tensors of {@code dict} to {@code tensors}, those of nested dicts under dotted names. */
    private static void collect(String prefix, Map<?, ?> dict, Map<String, TensorRef> tensors, int depth)
            throws TorchFormatException {
        if (depth == MAX_DEPTH) {
            throw new TorchFormatException("its dicts nest deeper than " + MAX_DEPTH + " levels, unlike a state dict");
        }
        for (Map.Entry<?, ?> entry : dict.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                continue;
            }
            String name = prefix + key;
            if (entry.getValue() instanceof TensorRef tensor) {
                tensors.put(name, tensor);
            } else if (entry.getValue() instanceof Map<?, ?> nested) {
                collect(name + ".", nested, tensors, depth + 1);
            }
        }
    }

    /** The names of the file's tensors in file order; nested dicts' tensors as {@code outer.inner}. */
    public Set<String> names() {
        return tensors.keySet();
    }

    /**
     * Reads a tensor: floating-point types as float32 (half and bfloat16 widened exactly) or float64,
     * integers as int64 or int32, booleans as bool; C order, whatever the tensor's strides.
     *
     * @throws IllegalArgumentException if there is no tensor {@code name}
     * @throws NstException in one sentence naming the file if the tensor cannot be read
     */
    public INDArray read(String name) {
        TensorRef tensor = tensors.get(name);
        if (tensor == null) {
            throw new IllegalArgumentException("No tensor '" + name + "' in " + file);
        }
        try {
            ByteBuffer data = tensor.count() == 0 ? ByteBuffer.allocate(0)
                    : source.read(tensor.storage(), tensor.offset(), tensor.end() - tensor.offset());
            return TensorDecoder.decode(tensor, data);
        } catch (TorchFormatException | IOException e) {
            throw failure(file, e);
        }
    }

    @Override
    public void close() {
        try {
            source.close();
        } catch (IOException e) {
            throw new NstException("Cannot close the PyTorch weights file " + file + ": " + e.getMessage(), e);
        }
    }

    private static NstException failure(Path file, Exception e) {
        String prefix = "Cannot read the PyTorch weights file " + file + ": ";
        if (e instanceof TorchFormatException) {
            return new NstException(prefix + e.getMessage(), e);
        }
        return new NstException(prefix + e.getMessage() + " (the file is damaged or truncated; download it or"
                + " save it again)", e);
    }

    private static void closeQuietly(TorchFile source, Exception failure) {
        if (source != null) {
            try {
                source.close();
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
    }
}
