package io.github.nst4j.weights.torch;

import java.util.Arrays;
import java.util.Optional;

/**
 * The element types of PyTorch tensors, by the storage class that {@code torch.save} names for them
 * ({@code torch.FloatStorage}). Every storage class is known with its element size, because the
 * legacy format lays out all storages one after another; {@link #readable} says which ones nst4j
 * turns into arrays.
 */
enum TorchDType {
    FLOAT32("FloatStorage", 4, true),
    FLOAT64("DoubleStorage", 8, true),
    FLOAT16("HalfStorage", 2, true),
    BFLOAT16("BFloat16Storage", 2, true),
    INT64("LongStorage", 8, true),
    INT32("IntStorage", 4, true),
    INT16("ShortStorage", 2, true),
    INT8("CharStorage", 1, true),
    UINT8("ByteStorage", 1, true),
    BOOL("BoolStorage", 1, true),
    COMPLEX64("ComplexFloatStorage", 8, false),
    COMPLEX128("ComplexDoubleStorage", 16, false);

    private final String storageClass;
    private final int elementSize;
    private final boolean readable;

    TorchDType(String storageClass, int elementSize, boolean readable) {
        this.storageClass = storageClass;
        this.elementSize = elementSize;
        this.readable = readable;
    }

    /** The type whose storage class in module {@code torch} is {@code name}, if any. */
    static Optional<TorchDType> ofStorageClass(String name) {
        return Arrays.stream(values()).filter(type -> type.storageClass.equals(name)).findFirst();
    }

    int elementSize() {
        return elementSize;
    }

    boolean readable() {
        return readable;
    }

    /** The storage class's full name, e.g. {@code torch.FloatStorage}. */
    @Override
    public String toString() {
        return "torch." + storageClass;
    }
}
