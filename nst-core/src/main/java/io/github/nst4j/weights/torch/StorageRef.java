package io.github.nst4j.weights.torch;

import static io.github.nst4j.weights.torch.PickledValues.malformed;

import java.util.regex.Pattern;

/**
 * A run of {@code numel} elements of a storage saved in a checkpoint under {@code key}, starting at
 * element {@code offset} of it (non-zero only for the legacy format's storage views).
 */
record StorageRef(TorchDType dtype, String key, long offset, long numel) {
    // PyTorch's keys are numbers; anything else would end up in file positions and messages.
    private static final Pattern KEY = Pattern.compile("[0-9A-Za-z_]{1,64}");
    private static final long MAX_ELEMENTS = Long.MAX_VALUE / 64;

    /** A whole storage as a persistent id describes it, checked so that its byte count cannot overflow. */
    static StorageRef whole(TorchDType dtype, String key, long numel) throws TorchFormatException {
        if (!KEY.matcher(key).matches()) {
            throw malformed("a storage key is " + PickledValues.describe(key));
        }
        if (numel < 0 || numel > MAX_ELEMENTS) {
            throw malformed("storage " + key + " has " + numel + " elements");
        }
        return new StorageRef(dtype, key, 0, numel);
    }
}
