package io.github.nst4j.weights.torch;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/** An opened checkpoint of one of PyTorch's two formats: its unpickled object and its storages. */
interface TorchFile extends Closeable {
    /** The object that was saved, with tensors as {@link TensorRef}s. */
    Object root();

    /**
     * The bytes of {@code count} elements of {@code storage} from its element {@code first}, in the
     * byte order the file was written in.
     */
    ByteBuffer read(StorageRef storage, long first, long count) throws IOException, TorchFormatException;

    /** The bytes that {@code count} elements of {@code dtype} take, refused above what one array holds. */
    static int byteCount(TorchDType dtype, long count) throws TorchFormatException {
        long bytes = count * dtype.elementSize();
        if (count < 0 || bytes > Integer.MAX_VALUE - 8) {
            throw new TorchFormatException("it holds a tensor of " + count + " elements, more than nst4j reads");
        }
        return (int) bytes;
    }
}
