package io.github.nst4j.weights.torch;

import static io.github.nst4j.weights.torch.PickledValues.asLong;
import static io.github.nst4j.weights.torch.PickledValues.asSizes;
import static io.github.nst4j.weights.torch.PickledValues.malformed;

import java.util.Arrays;
import java.util.List;

/**
 * A tensor as the pickle describes it: which elements of a storage it views, in what shape and with
 * what strides (in elements, as PyTorch counts them). Nothing is read until {@link TensorDecoder} is
 * given the storage's bytes, so that tensors nst4j does not need (VGG19's 400 MB of dense layers)
 * are never read.
 */
record TensorRef(StorageRef storage, long offset, long[] shape, long[] stride) {
    /**
     * The tensor of a call to {@code torch._utils._rebuild_tensor(storage, storage_offset, size,
     * stride)} or {@code _rebuild_tensor_v2}, whose further arguments (requires_grad, backward hooks,
     * metadata) do not affect the values.
     */
    static TensorRef rebuilt(List<?> args) throws TorchFormatException {
        if (!(args.get(0) instanceof StorageRef storage)) {
            throw malformed("a tensor's storage is " + PickledValues.describe(args.get(0)));
        }
        long offset = asLong(args.get(1), "a tensor's storage offset");
        long[] shape = asSizes(args.get(2), "a tensor's size");
        long[] stride = asSizes(args.get(3), "a tensor's stride");
        if (offset < 0 || shape.length != stride.length) {
            throw malformed("a tensor has offset " + offset + ", size " + Arrays.toString(shape)
                    + " and stride " + Arrays.toString(stride));
        }
        TensorRef tensor = new TensorRef(storage, offset, shape, stride);
        try {
            if (tensor.count() > 0 && tensor.end() > storage.numel()) {
                throw malformed("a tensor of size " + Arrays.toString(shape) + " reaches element "
                        + tensor.end() + " of a storage of " + storage.numel());
            }
        } catch (ArithmeticException e) {
            throw malformed("a tensor of size " + Arrays.toString(shape) + " overflows");
        }
        return tensor;
    }

    /** The number of elements. */
    long count() {
        long count = 1;
        for (long size : shape) {
            count = Math.multiplyExact(count, size);
        }
        return count;
    }

    /** Whether the elements lie in C order one after another, as in most saved weights. */
    boolean contiguous() {
        long expected = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            if (shape[i] != 1 && stride[i] != expected) {
                return false;
            }
            expected *= shape[i];
        }
        return true;
    }

    /** One past the last storage element the tensor views, for a tensor of at least one element. */
    long end() {
        long last = offset;
        for (int i = 0; i < shape.length; i++) {
            last = Math.addExact(last, Math.multiplyExact(shape[i] - 1, stride[i]));
        }
        return last + 1;
    }
}
