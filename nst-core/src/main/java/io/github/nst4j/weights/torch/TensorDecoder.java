package io.github.nst4j.weights.torch;

import java.nio.ByteBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turns a tensor's storage bytes into a C-ordered ND4J array, following its strides, so that a view
 * (a transpose, a slice with a step) reads as PyTorch shows it. Half and bfloat16 widen to float32
 * and 8- and 16-bit integers to int32, exactly; float32, float64, int64, int32 and bool keep their
 * type.
 */
final class TensorDecoder {
    private static final long MAX_ELEMENTS = 1L << 28;

    private TensorDecoder() {
    }

    /**
     * The tensor's values.
     *
     * @param data the tensor's storage from element {@code tensor.offset()} to {@code tensor.end()},
     *     in the file's byte order
     */
    static INDArray decode(TensorRef tensor, ByteBuffer data) throws TorchFormatException {
        TorchDType dtype = tensor.storage().dtype();
        if (!dtype.readable()) {
            throw new TorchFormatException("it holds a tensor of " + dtype + ", which nst4j does not read");
        }
        long count = tensor.count();
        // A quarter of a billion elements (1 GB as float32) is 100 times VGG19's largest convolution;
        // zero strides would let a small file ask for far more.
        if (count > MAX_ELEMENTS) {
            throw new TorchFormatException("it holds a tensor of " + count + " elements, more than nst4j reads");
        }
        long[] shape = tensor.shape();
        if (count == 0) {
            return Nd4j.create(ndType(dtype), shape);
        }
        int n = (int) count;
        Positions positions = new Positions(shape, tensor.stride());
        int size = dtype.elementSize();
        return switch (dtype) {
            case FLOAT32, FLOAT16, BFLOAT16 -> {
                float[] values = new float[n];
                if (dtype == TorchDType.FLOAT32 && tensor.contiguous()) {
                    // Weights, mostly: one bulk copy instead of an element at a time.
                    data.asFloatBuffer().get(values);
                    yield Nd4j.create(values, shape, DataType.FLOAT);
                }
                for (int i = 0; i < n; i++) {
                    int at = positions.next(size);
                    values[i] = switch (dtype) {
                        case FLOAT16 -> halfToFloat(data.getShort(at));
                        // bfloat16 is the upper half of a float32.
                        case BFLOAT16 -> Float.intBitsToFloat(data.getShort(at) << 16);
                        default -> data.getFloat(at);
                    };
                }
                yield Nd4j.create(values, shape, DataType.FLOAT);
            }
            case FLOAT64 -> {
                double[] values = new double[n];
                for (int i = 0; i < n; i++) {
                    values[i] = data.getDouble(positions.next(size));
                }
                yield Nd4j.create(values, shape, DataType.DOUBLE);
            }
            case INT64 -> {
                long[] values = new long[n];
                for (int i = 0; i < n; i++) {
                    values[i] = data.getLong(positions.next(size));
                }
                yield Nd4j.create(values, shape, DataType.INT64);
            }
            case BOOL -> {
                boolean[] values = new boolean[n];
                for (int i = 0; i < n; i++) {
                    values[i] = data.get(positions.next(size)) != 0;
                }
                yield Nd4j.create(values, shape, DataType.BOOL);
            }
            default -> {
                int[] values = new int[n];
                for (int i = 0; i < n; i++) {
                    int at = positions.next(size);
                    values[i] = switch (dtype) {
                        case INT16 -> data.getShort(at);
                        case INT8 -> data.get(at);
                        case UINT8 -> data.get(at) & 0xff;
                        default -> data.getInt(at);
                    };
                }
                yield Nd4j.create(values, shape, DataType.INT32);
            }
        };
    }

    private static DataType ndType(TorchDType dtype) {
        return switch (dtype) {
            case FLOAT64 -> DataType.DOUBLE;
            case INT64 -> DataType.INT64;
            case BOOL -> DataType.BOOL;
            case INT32, INT16, INT8, UINT8 -> DataType.INT32;
            default -> DataType.FLOAT;
        };
    }

    /** IEEE 754 half precision to float, exactly (Java 17 has no Float.float16ToFloat). */
    static float halfToFloat(short half) {
        int bits = half & 0xffff;
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & 0x1f;
        int mantissa = bits & 0x3ff;
        if (exponent == 0x1f) { // infinity or NaN
            return Float.intBitsToFloat(sign | 0x7f800000 | mantissa << 13);
        }
        if (exponent == 0) { // zero or subnormal: mantissa · 2^-24
            float magnitude = mantissa * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        // Rebias the exponent from 15 to 127.
        return Float.intBitsToFloat(sign | (exponent + 112) << 23 | mantissa << 13);
    }

    /** The byte positions of a strided tensor's elements in C order, relative to its first element. */
    private static final class Positions {
        private final long[] shape;
        private final long[] stride;
        private final long[] index;
        private long position;

        Positions(long[] shape, long[] stride) {
            this.shape = shape;
            this.stride = stride;
            this.index = new long[shape.length];
        }

        int next(int elementSize) {
            long current = position;
            for (int dim = shape.length - 1; dim >= 0; dim--) {
                position += stride[dim];
                if (++index[dim] < shape[dim]) {
                    break;
                }
                position -= stride[dim] * shape[dim];
                index[dim] = 0;
            }
            return (int) (current * elementSize);
        }
    }
}
