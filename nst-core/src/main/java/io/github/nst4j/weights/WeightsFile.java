package io.github.nst4j.weights;

import io.github.nst4j.error.NstException;
import io.github.nst4j.network.InputConvention;
import io.github.nst4j.network.Vgg19Weights;
import io.github.nst4j.storage.NpzArchive;
import io.github.nst4j.weights.torch.TorchCheckpoint;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipFile;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;

/** Loads VGG19 weights from a local file, recognising its format by content, not by extension. */
final class WeightsFile {
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final byte[] HDF5_MAGIC = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    private WeightsFile() {
    }

    /** The file formats nst4j reads. */
    enum Format {
        /** A Deeplearning4j model zip such as the zoo's {@code vgg19_dl4j_inference.zip}. */
        DL4J_ZIP,
        /** A NumPy .npz in the layout of {@link NpzWeights}. */
        NPZ,
        /** Keras weights in HDF5. */
        HDF5,
        /** A PyTorch state dict, zip or legacy ({@code .pth}, {@code .pt}); see {@link PthWeights}. */
        PYTORCH
    }

    /**
     * Detects the format of {@code file}.
     *
     * @throws NstException if the file is missing, unreadable or of no known format
     */
    static Format detect(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new NstException("Weights file not found: " + file + " (check the path)");
        }
        // Long enough for PyTorch's legacy magic number.
        byte[] head = new byte[16];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new NstException("Cannot read weights file " + file + ": " + e.getMessage(), e);
        }
        if (read >= HDF5_MAGIC.length && Arrays.equals(Arrays.copyOf(head, HDF5_MAGIC.length), HDF5_MAGIC)) {
            return Format.HDF5;
        }
        if (TorchCheckpoint.isLegacyTorchFile(head, read)) {
            return Format.PYTORCH;
        }
        if (read >= ZIP_MAGIC.length && Arrays.equals(Arrays.copyOf(head, ZIP_MAGIC.length), ZIP_MAGIC)) {
            try (ZipFile zip = new ZipFile(file.toFile())) {
                if (zip.getEntry("configuration.json") != null && zip.getEntry("coefficients.bin") != null) {
                    return Format.DL4J_ZIP;
                }
                if (NpzArchive.looksLikeNpz(zip)) {
                    return Format.NPZ;
                }
                if (TorchCheckpoint.isTorchZip(zip)) {
                    return Format.PYTORCH;
                }
            } catch (IOException e) {
                throw new NstException("Weights file " + file + " is a damaged zip (" + e.getMessage()
                        + "); download it again", e);
            }
        }
        throw new NstException("Unrecognised weights file " + file + ": expected the DL4J zoo zip"
                + " (vgg19_dl4j_inference.zip), a Keras VGG19 .h5, a VGG19 .npz or a PyTorch VGG19 state dict"
                + " (.pth, e.g. torchvision's vgg19-dcbb9e9d.pth; see README)");
    }

    /**
     * Loads the weights of {@code file}.
     *
     * @param convention the input convention, or null for the format's own (Caffe for the DL4J
     *     zip and Keras .h5, torchvision's for .npz and .pth)
     */
    static Vgg19Weights load(Path file, InputConvention convention) {
        return switch (detect(file)) {
            case DL4J_ZIP -> withConvention(fromDl4jZip(file), convention);
            case NPZ -> NpzWeights.read(file, convention == null ? InputConvention.TORCH : convention);
            case HDF5 -> KerasH5Weights.read(file, convention);
            case PYTORCH -> PthWeights.read(file, convention == null ? InputConvention.TORCH : convention);
        };
    }

    private static Vgg19Weights fromDl4jZip(Path file) {
        ComputationGraph graph;
        try {
            graph = ModelSerializer.restoreComputationGraph(file.toFile(), false);
        } catch (IOException | RuntimeException e) {
            throw new NstException("Cannot load the DL4J model " + file + ": " + e.getMessage()
                    + " (the file is damaged or not a ComputationGraph; download it again)", e);
        }
        try {
            return Vgg19Weights.fromZooGraph(graph);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new NstException("Wrong weights file " + file + ": not a VGG19 (" + e.getMessage() + ")", e);
        } finally {
            graph.close();
        }
    }

    private static Vgg19Weights withConvention(Vgg19Weights weights, InputConvention convention) {
        return convention == null || convention == weights.inputConvention() ? weights
                : weights.withInputConvention(convention);
    }
}
