package io.github.nst4j.fast;

import io.github.nst4j.network.Vgg19Weights;
import io.github.nst4j.network.VggLayer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/** SHA-256 digests, in hexadecimal, of what a model file records: files, arrays, VGG19 weights. */
final class Digests {
    private Digests() {
    }

    static String of(byte[] bytes) {
        MessageDigest digest = sha256();
        return HexFormat.of().formatHex(digest.digest(bytes));
    }

    /** Of named arrays, in the map's order: names, data types, shapes and values. */
    static String of(Map<String, INDArray> arrays) {
        MessageDigest digest = sha256();
        arrays.forEach((name, array) -> add(digest, name, array));
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * The head (16 hex digits) of the digest of VGG19 weights: their input convention and every
     * layer's kernel and bias. Two runs with the same fingerprint saw the same network.
     */
    static String fingerprint(Vgg19Weights weights) {
        MessageDigest digest = sha256();
        digest.update(weights.inputConvention().name().getBytes(StandardCharsets.UTF_8));
        for (VggLayer layer : VggLayer.values()) {
            add(digest, layer + "_W", weights.kernel(layer));
            add(digest, layer + "_b", weights.bias(layer));
        }
        return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
    }

    private static void add(MessageDigest digest, String name, INDArray array) {
        digest.update((name + '\u0000' + array.dataType() + java.util.Arrays.toString(array.shape()))
                .getBytes(StandardCharsets.UTF_8));
        digest.update(array.dup('c').data().asBytes());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
